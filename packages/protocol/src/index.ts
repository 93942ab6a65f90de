export { Role, TOKEN_ROLES, COMMUNITY_ROLES, REGION_ROLES, isTokenRole, isRegionRole, isCommunityRole } from './role';
export type { TokenRole, CommunityRole, RegionRole } from './role';
export { DocKind, FIXED_DOCS, TIER_DOCS, COMMUNITY_DOCS, REGION_DOCS, isCommunityId, isMeetingId, parseRoom, roomName, minutesDoc } from './room';
export type { CommunityId, FixedDoc, TierDoc, CommunityDoc, RegionDoc, Room } from './room';
export { Access, PERMISSIONS, accessFor, canRead, canWrite, canManagePeople, regionAccess } from './permissions';
export type { RegionRelation } from './permissions';
export { parseTokenClaims, peekTokenClaims } from './claims';
export type { TokenClaims } from './claims';
export { CloseCode, FATAL_CLOSE_CODES } from './closeCode';
export { Limits } from './limits';
export {
  MessageType,
  SyncStep,
  AUTH_PERMISSION_DENIED,
  writeStored,
  readStored,
  encodeStored,
  encodePermissionDenied,
  encodeSyncMessage,
  encodeAwarenessMessage,
  isUpdateCarrying,
} from './messages';
export type { StoredMessage } from './messages';
export { SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, tokenSubprotocols, tokenFromSubprotocols } from './subprotocol';
export { SummariesBatch, encodeBase64, decodeBase64 } from './summariesBatch';
export type { SummaryWant, SummariesRequest, SummaryAnswer, SummariesResponse } from './summariesBatch';
