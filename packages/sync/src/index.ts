export { openCommunitySession } from './communitySession';
export type { CommunitySession, CommunitySessionOptions, MinutesHandle } from './communitySession';
export { SyncedDoc } from './syncedDoc';
export { LocalDocStore, COMPACT_AFTER_ROWS } from './localDocStore';
export { isLoadingSlice, yieldToEventLoop } from './loadingSlices';
export type { StoredView, LocalDocStoreOptions } from './localDocStore';
export { peekAccounts, type PeekedAccounts } from './peekAccounts';
export { peekDocViews, type PeekDocInput } from './peekDocViews';
export type { DocAccess, SyncedDocOptions } from './syncedDoc';
export { OfflineReason, aggregateStatus, isFatal, isFatalReason, isOffline, isSynced, sameStatus } from './syncStatus';
export type { ConnectingStatus, OfflineStatus, SessionStatus, SyncStatus, SyncedStatus } from './syncStatus';
export { DeviceStore, InvalidTokenCode, InvalidTokenError } from './deviceStore';
export type { Account, SaveAccountInput } from './deviceStore';
export {
  DATABASE_FORMAT,
  DATABASE_PREFIX,
  COMMUNITY_SCHEMA_VERSION,
  DEVICE_SCHEMA_VERSION,
  communityDatabaseName,
  deviceDatabaseName,
} from './databaseNames';
export { deleteCommunityDatabase, openCommunityDatabase } from './communityDatabase';
export type { CommunityDatabase } from './communityDatabase';
export type { StorageOptions } from './storageOptions';
export type { WebSocketClass } from './countingWebSocket';
export type { FetchFunction } from './tokenProbe';
export { relayEndpoints } from './relayEndpoints';
export type { RelayEndpoints } from './relayEndpoints';
export { RelayChoice, relaysOf } from './relayChoice';
export type { Relay, RelayUrlOptions } from './relayChoice';
export { openRegionSession } from './regionSession';
export { SUMMARY_REFRESH_MS } from './batchedSummaries';
export type { RegionSession, RegionSessionOptions, CommunityDocHandle, RegionDocHandle } from './regionSession';
export type { RegionDirectory } from './regionDirectory';
export { deleteRegionDatabase, openRegionDatabase } from './regionDatabase';
export { regionDatabaseName, REGION_SCHEMA_VERSION } from './databaseNames';
