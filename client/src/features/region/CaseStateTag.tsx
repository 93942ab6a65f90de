import { Tag, type TagColor } from '../../ui/Tag';
import { useTranslation } from '../../i18n/useTranslation';
import type { CaseState } from '@lianxin/model';

// Light (the desk lists sixty); colours dark enough to pass contrast.
const COLOR: Record<CaseState, TagColor> = { waiting: 'warning', accepted: 'processing', assigned: 'processing', resolved: 'success', handedBack: 'default' };

export function CaseStateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} data-testid="case-state">
      {t(`region.state.${state}`)}
    </Tag>
  );
}
