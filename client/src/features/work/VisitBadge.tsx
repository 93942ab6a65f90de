// A household's visit recency as a dot and words: red overdue, amber never visited, green recent.
// Light (no antd): it is on the member's first screen.
import { useTranslation } from '../../i18n/useTranslation';
import { VISIT_TONE_STATUS, visitRecency } from '../../state/visitRecency';
import { StatusDot } from '../../ui/StatusDot';

export function VisitBadge({ row }: { row: { readonly lastVisit: string | null; readonly daysSince: number; readonly overdue: boolean } }) {
  const { t } = useTranslation();
  const r = visitRecency(row);
  return <StatusDot status={VISIT_TONE_STATUS[r.tone]} text={t(`work.${r.key}`, { count: r.count })} data-testid={r.tone === 'overdue' ? 'overdue' : undefined} data-tone={r.tone} />;
}
