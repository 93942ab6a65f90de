/** Who is asking. `public` is anyone without a token. */
export const Role = {
  secretary: 'secretary',
  committee: 'committee',
  member: 'member',
  /** staff of one township or street (乡镇/街道): the communities it holds */
  township: 'township',
  /** staff of one county or district (县/区): the townships it holds and their communities */
  county: 'county',
  public: 'public',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles a token can carry (public needs no token). */
export const TOKEN_ROLES = [Role.secretary, Role.committee, Role.member, Role.township, Role.county] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Roles whose token names a community (claims `cid` is a community id). */
export const COMMUNITY_ROLES = [Role.secretary, Role.committee, Role.member] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

/** Roles whose token names a region (claims `cid` is a township's or a county's id). */
export const REGION_ROLES = [Role.township, Role.county] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}

export function isRegionRole(value: unknown): value is RegionRole {
  return typeof value === 'string' && (REGION_ROLES as readonly string[]).includes(value);
}

export function isCommunityRole(value: unknown): value is CommunityRole {
  return typeof value === 'string' && (COMMUNITY_ROLES as readonly string[]).includes(value);
}
