import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '@lianxin/model';

// Status colours: the app's stylesheet darkens them to pass contrast (preset colours such as orange do not).
const COLOR: Record<CaseState, string> = { waiting: 'warning', accepted: 'processing', assigned: 'processing', resolved: 'success', handedBack: 'default' };

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} data-testid="case-state">
      {t(`region.state.${state}`)}
    </Tag>
  );
}
