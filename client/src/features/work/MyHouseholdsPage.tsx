// 我的联户: the households I serve, must-visits and overdue ones first. Shown at once from the
// projection kept on this device (buttons working), then from the live documents, in the same
// component tree: the switch changes data, not the page. Light: drawn with the app's own small
// components (client/src/ui), not Ant Design, so a member's phone loads and runs less before
// she can tap; the report form (antd) loads when first asked for.
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, type HouseholdId, type MemberId } from '@lianxin/model';
import { dismissBootScreen } from '../../boot/bootScreen';
import { daysBetween } from '../../state/myHouseholdsView';
import { datesIn } from '../../state/datesIn';
import { useMyHouseholdsView } from '../../state/useMyHouseholdsView';
import { useText } from '../../state/useText';
import { firstPageDrawn } from '../../state/firstPageDrawn';
import { markOnce } from '../../state/usableMark';
import { Loading } from '../../shell/Loading';
import { PlainList } from '../../shell/PlainList';
import { withAntdScope } from '../../shell/antdScope';
import { preloadable } from '../../shell/preloadable';
import { afterPaintIdle } from '../../state/afterPaintIdle';
import { Button } from '../../ui/Button';
import { Tag } from '../../ui/Tag';
import { MemberPicker } from './MemberPicker';
import { VisitBadge } from './VisitBadge';
import { preloadVisitRecorder, VisitButton } from './VisitButton';

// The live side (the model's reads of the documents) and the visit command load once the kept
// rows are painted and the page is idle, so they are on the device before a tap needs them.
const liveSide = preloadable(() => import('../../state/MyHouseholdsLive'));
const MyHouseholdsLive = liveSide.Component;
// The report form (antd's Form, Modal, Select, in antd's theme) loads when first asked for, not with the page.
const ConcernCreateDialog = lazy(() => withAntdScope(import('./ConcernCreateDialog').then((m) => m.ConcernCreateDialog)));

export function MyHouseholdsPage() {
  const { t } = useTranslation();
  const text = useText();
  const state = useMyHouseholdsView();
  const { view, source } = state;
  const live = source === 'live';
  const [reportFor, setReportFor] = useState<HouseholdId | null | undefined>(undefined);
  const [reported, setReported] = useState(false);
  if (reportFor !== undefined && !reported) setReported(true);
  useEffect(
    () =>
      afterPaintIdle(() => {
        void liveSide.preload();
        void preloadVisitRecorder();
      }),
    [],
  );
  useLayoutEffect(() => {
    if (source === 'loading') return;
    dismissBootScreen();
    // Usable: the page's rows are rendered and its buttons respond (from the kept projection or the documents).
    markOnce('lianxin:usable:my');
    firstPageDrawn();
    if (live) markOnce('lianxin:live:my');
  }, [source, live]);

  const liveSource = state.loaded ? (
    <Suspense fallback={null}>
      <MyHouseholdsLive onView={state.setLive} />
    </Suspense>
  ) : null;
  if (source === 'loading') return <>{liveSource}<Loading /></>;
  const today = datesIn(view?.timeZone ?? 'Asia/Shanghai').today();

  return (
    <section aria-labelledby="my-title" data-source={source} className="lx-ui">
      {liveSource}
      <div className="lx-row lx-row--between" style={{ marginBottom: 12 }}>
        <h1 className="lx-title-1" id="my-title">
          {t('nav.myHouseholds')}
        </h1>
        {view ? live && state.choice ? <MemberPicker choice={state.choice} /> : <MemberPicker choice={{ members: [{ id: view.memberId, name: view.memberName }], chosen: view.memberId }} disabled /> : null}
      </div>
      {!view && state.choice ? <MemberPicker choice={state.choice} help /> : null}
      {view ? (
        <>
          <p className="lx-secondary">{t('work.pledgeRule', { days: view.intervalDays, count: view.rows.length })}</p>
          {view.rows.length === 0 ? (
            <div className="lx-empty">{t('work.noHouseholds')}</div>
          ) : (
            <PlainList
              data-testid="my-households"
              items={view.rows}
              render={(row) => {
                const daysSince = daysBetween(row.since, today);
                const overdue = daysSince > view.intervalDays;
                return (
                  <li key={row.id} data-testid="my-household" data-household-id={row.id} data-overdue={overdue} style={{ marginBottom: 10 }}>
                    <div className="lx-card">
                      <div className="lx-card__body lx-stack">
                        <div className="lx-row lx-row--between">
                          <strong className="lx-strong lx-text">
                            {row.label} · {row.head}
                          </strong>
                          <VisitBadge row={{ lastVisit: row.lastVisit, daysSince, overdue }} />
                        </div>
                        {row.openMustVisits.length > 0 ? (
                          <div className="lx-row">
                            {row.openMustVisits.map((m) => (
                              <Tag color="red" key={m.id}>
                                {text(LABELS.visitKind[m.reason])}
                              </Tag>
                            ))}
                          </div>
                        ) : null}
                        <div className="lx-row">
                          <VisitButton memberId={view.memberId as MemberId} householdId={row.id as HouseholdId} first={row.openMustVisits.map((m) => m.reason)} today={today} />
                          {/* The form needs the roster (places, people): it opens once that is loaded. */}
                          <Button icon={<PlusOutlined />} loading={!live} onClick={() => setReportFor(row.id as HouseholdId)} data-testid="report-for-household">
                            {t('work.reportConcern')}
                          </Button>
                          {row.phone ? <Button icon={<PhoneOutlined />} href={`tel:${row.phone}`} aria-label={t('work.call', { name: row.head })} /> : null}
                        </div>
                      </div>
                    </div>
                  </li>
                );
              }}
            />
          )}
        </>
      ) : null}
      {reported && live ? (
        <Suspense fallback={null}>
          <ConcernCreateDialog open={reportFor !== undefined} householdId={reportFor ?? null} onClose={() => setReportFor(undefined)} />
        </Suspense>
      ) : null}
    </section>
  );
}
