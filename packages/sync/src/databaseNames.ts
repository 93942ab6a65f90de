import { isCommunityId } from '@lianxin/protocol';

/** Every IndexedDB database of Lianxin starts with this. */
export const DATABASE_PREFIX = 'lianxin';

/**
 * The layout generation, part of every database name. Bump it for a change Dexie cannot migrate
 * in place; the new code then opens fresh databases and the old ones can be deleted by name.
 */
export const DATABASE_FORMAT = 1;

/** Dexie schema version of a community database (in-place migrations within one format). */
export const COMMUNITY_SCHEMA_VERSION = 1;

/** Dexie schema version of the device database. */
export const DEVICE_SCHEMA_VERSION = 1;

const PERSON_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `lianxin.1/device`: accounts and device settings. */
export function deviceDatabaseName(): string {
  return `${DATABASE_PREFIX}.${DATABASE_FORMAT}/device`;
}

/**
 * `lianxin.1/c/<communityId>/<personId>`: one person's local copy of one community. Per person,
 * not per community, so two people sharing a device never see each other's copy.
 */
export function communityDatabaseName(communityId: string, personId: string): string {
  if (!isCommunityId(communityId)) throw new Error(`Invalid community id: ${JSON.stringify(communityId)}`);
  if (!PERSON_ID.test(personId)) throw new Error(`Invalid person id: ${JSON.stringify(personId)}`);
  return `${DATABASE_PREFIX}.${DATABASE_FORMAT}/c/${communityId}/${personId}`;
}

/** Dexie schema version of a region database. */
export const REGION_SCHEMA_VERSION = 1;

/**
 * `lianxin.1/r/<regionId>/<personId>`: one person's local copy of what a township or county may
 * open — its region document and, per community of its directory, the documents it reads.
 */
export function regionDatabaseName(regionId: string, personId: string): string {
  if (!isCommunityId(regionId)) throw new Error(`Invalid region id: ${JSON.stringify(regionId)}`);
  if (!PERSON_ID.test(personId)) throw new Error(`Invalid person id: ${JSON.stringify(personId)}`);
  return `${DATABASE_PREFIX}.${DATABASE_FORMAT}/r/${regionId}/${personId}`;
}
