import { isRegionRole, type TokenRole } from '@lianxin/protocol';

/** Where an account opens: a community's pages, or a township's or county's (its id is the region's). */
export function accountPath(account: { readonly communityId: string; readonly role: TokenRole }): string {
  return isRegionRole(account.role) ? `/r/${account.communityId}` : `/c/${account.communityId}`;
}
