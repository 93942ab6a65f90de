import { useContext } from 'react';
import { canRead, canWrite, type DocKind } from '@lianxin/protocol';
import type { Account } from './Account';
import { SessionContext } from './SessionContext';

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
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a community page (SessionProvider)');
  const { account } = session;
  return {
    account,
    communityId: account.communityId,
    canRead: (kind) => canRead(account.role, kind),
    canWrite: (kind) => canWrite(account.role, kind),
    isCommittee: account.role !== 'member',
  };
}
