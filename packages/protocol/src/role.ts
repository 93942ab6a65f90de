/** Who is asking. `public` is anyone without a token. */
export const Role = {
  secretary: 'secretary',
  committee: 'committee',
  member: 'member',
  public: 'public',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles a token can carry (public needs no token). */
export const TOKEN_ROLES = [Role.secretary, Role.committee, Role.member] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}
