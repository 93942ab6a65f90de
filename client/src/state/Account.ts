import type { TokenRole } from '@lianxin/protocol';

/** One community this device has joined: what the relay handed out at setup or join. */
export interface Account {
  readonly communityId: string;
  readonly communityName: string;
  readonly kind: 'urban' | 'village';
  readonly token: string;
  readonly tokenId: string;
  readonly role: TokenRole;
  /** display name from the token */
  readonly name: string;
  /** person id from the token */
  readonly personId: string;
  readonly addedAt: number;
}
