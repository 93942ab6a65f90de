// "Which member am I?" on the member's own page: a native select (light, and a phone's own picker
// is the easiest to use with 300 names). WhoAmI is the same question in antd on other pages.
import { useTranslation } from '../../i18n/useTranslation';
import type { MemberId } from '@lianxin/model';
import type { MemberChoice } from '../../state/useMyHouseholdsView';
import '../../ui/ui.css';

export function MemberPicker({ choice, disabled, help }: { choice: MemberChoice | { readonly members: MemberChoice['members']; readonly chosen: string | null; readonly choose?: undefined }; disabled?: boolean; help?: boolean }) {
  const { t } = useTranslation();
  const select = (
    <select
      className="lx-select"
      aria-label={t('work.whoAmI')}
      data-testid="who-am-i-select"
      disabled={disabled || !choice.choose}
      value={choice.chosen ?? ''}
      onChange={(e) => choice.choose?.((e.target.value || null) as MemberId | null)}
    >
      {choice.chosen === null ? <option value="">{t('work.chooseMe')}</option> : null}
      {choice.members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </select>
  );
  if (!help) return select;
  return (
    <div className="lx-alert" role="note">
      <div>
        <div className="lx-alert__title">{t('work.whoAmIHelp')}</div>
        {select}
      </div>
    </div>
  );
}
