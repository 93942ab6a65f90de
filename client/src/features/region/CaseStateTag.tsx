import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '@lianxin/model';

const COLOR: Record<CaseState, string> = { waiting: 'orange', accepted: 'blue', assigned: 'purple', resolved: 'green', handedBack: 'default' };

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} data-testid="case-state">
      {t(`region.state.${state}`)}
    </Tag>
  );
}
