// Two taps: open the menu, pick the kind. Recorded for today, offline or not. Opened from the
// kept projection, before the work document is loaded, the menu opens at once; a kind picked
// then is recorded as soon as the documents are in (the button spins meanwhile): nothing is lost.
import { Suspense, useCallback, useState } from 'react';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, VisitKind, type HouseholdId, type MemberId, type MustVisitReason } from '@lianxin/model';
import { preloadable } from '../../shell/preloadable';
import { LoadBoundary } from '../../shell/LoadBoundary';
import { useNotice } from '../../state/notice';
import { useText } from '../../state/useText';
import { MenuButton } from '../../ui/MenuButton';
import type { VisitInput } from './RecordVisit';

// The command (and the model's code it runs) loads after the page's first render
// (`preloadVisitRecorder`, called when it is idle), or at the first pick.
const recorder = preloadable(() => import('./RecordVisit'));
export const preloadVisitRecorder = recorder.preload;

export function VisitButton({
  memberId,
  householdId,
  first,
  today,
}: {
  memberId: MemberId;
  householdId: HouseholdId;
  /** kinds listed first (the household's open must-visits) */
  first: readonly MustVisitReason[];
  today: string;
}) {
  const { t } = useTranslation();
  const text = useText();
  // The kind picked, until it is recorded (at once when the documents are in; the button spins meanwhile).
  const [pending, setPending] = useState<VisitInput | null>(null);
  const done = useCallback(() => setPending(null), []);
  const notice = useNotice();
  // Its code could not be loaded (never fetched, no signal): nothing recorded, and she is told.
  const failed = useCallback(() => {
    setPending(null);
    notice.error(t('work.visitNotRecorded'));
  }, [notice, t]);
  const firstKinds = new Set<string>(first);
  const kinds = [...Object.values(VisitKind)].sort((a, b) => Number(firstKinds.has(b)) - Number(firstKinds.has(a)));
  const record = (kind: VisitKind) => setPending({ memberId, householdId, date: today, kind });
  const waiting = pending !== null;
  return (
    <>
      {pending ? (
        <LoadBoundary onError={failed}>
          <Suspense fallback={null}>
            <recorder.Component input={pending} onDone={done} />
          </Suspense>
        </LoadBoundary>
      ) : null}
      <MenuButton
        menuProps={{ 'data-testid': 'visit-form', 'aria-label': t('work.recordVisit') }}
        choices={kinds.map((kind) => ({ key: kind, label: text(LABELS.visitKind[kind]), testId: `visit-kind-${kind}`, onSelect: () => record(kind) }))}
        button={{ kind: 'primary', icon: <CheckCircleOutlined />, loading: waiting, disabled: waiting, 'data-testid': 'visit-button', children: t('work.recordVisit') }}
      />
    </>
  );
}
