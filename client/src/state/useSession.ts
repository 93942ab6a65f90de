import { useContext } from 'react';
import { canRead, canWrite, type DocKind } from '@lianxin/protocol';
import type { Account } from './Account';
import { AccountContext } from './AccountContext';

export interface SessionInfo {
  readonly account: Account;
  readonly communityId: string;
  readonly canRead: (kind: DocKind) => boolean;
  readonly canWrite: (kind: DocKind) => boolean;
  /** committee or secretary: may edit the roster, run meetings, publish */
  readonly isCommittee: boolean;
}

/** Who I am in the open community and what my role lets me do. */
export function useSession(): SessionInfo {
  // The account, not the session: known before the session is open (AccountContext).
  const account = useContext(AccountContext);
  if (!account) throw new Error('useSession must be used inside a community page (SessionProvider)');
  return {
    account,
    communityId: account.communityId,
    canRead: (kind) => canRead(account.role, kind),
    canWrite: (kind) => canWrite(account.role, kind),
    isCommittee: account.role !== 'member',
  };
}
