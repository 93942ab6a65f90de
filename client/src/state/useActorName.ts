import { useCallback } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { MemberId } from '@lianxin/model';
import { useRoster } from './useRoster';
import { useSession } from './useSession';

/** Names who did something in a history entry: a member's name, me, or "a colleague". */
export function useActorName(): (by: string) => string {
  const { t } = useTranslation();
  const roster = useRoster()?.view ?? null;
  const { account } = useSession();
  return useCallback(
    (by: string) => {
      const member = roster?.members.get(by as MemberId);
      if (member) return member.name;
      if (by === account.personId) return account.name;
      return t('work.someone');
    },
    [roster, account, t],
  );
}
