// Asks once which roster member this person is, so "My households" knows whose to show.
import { Alert, Select } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import type { MemberId } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { useMyMember } from '../../state/useMyMember';
import { useRoster } from '../../state/useRoster';

export function WhoAmI({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const roster = useRoster()?.view ?? null;
  const me = useMyMember();
  if (!roster) return null;
  const select = (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      style={{ minWidth: 220 }}
      aria-label={t('work.whoAmI')}
      data-testid="who-am-i-select"
      placeholder={t('work.chooseMe')}
      value={me.member?.id ?? null}
      onChange={(v: string | undefined) => me.choose((v as MemberId | undefined) ?? null)}
      options={rosterIndex(roster).members.map((m) => ({ value: m.id, label: m.name }))}
    />
  );
  if (compact) return select;
  return <Alert type="info" showIcon title={t('work.whoAmIHelp')} description={select} />;
}
