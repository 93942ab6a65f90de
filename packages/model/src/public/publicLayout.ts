/** Top-level names in the `public` document (see README "Document layout"). */
export const PublicLayout = {
  /** Y.Map: 'schema' → 1 */
  meta: 'meta',
  /** Y.Map: 'info' → PublicCommunity */
  community: 'community',
  /** Y.Map: matterId → PublicResolution */
  resolutions: 'resolutions',
  /** Y.Map: matterId → PublicResult */
  results: 'results',
  /** Y.Map: buildingId → PublicBoard */
  boards: 'boards',
  /** Y.Map: 'current' → PublicStatistics */
  statistics: 'statistics',
} as const;

export const PUBLIC_SCHEMA_VERSION = 1;
