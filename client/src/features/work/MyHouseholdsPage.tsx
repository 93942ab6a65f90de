// 我的联户: the households I serve, must-visits and overdue ones first. Shown at once from the
// projection kept on this device (buttons working), then from the live documents, in the same
// component tree: the switch changes data, not the page.
import { lazy, Suspense, useLayoutEffect, useState } from 'react';
import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS, type HouseholdId, type MemberId } from '@lianxin/model';
import { dismissBootScreen } from '../../boot/bootScreen';
import { daysBetween, type MyHouseholdsView } from '../../state/myHouseholdsView';
import { datesIn } from '../../state/useDates';
import { MyHouseholdsLive, useMyHouseholdsView } from '../../state/useMyHouseholdsView';
import { useText } from '../../state/useText';
import { markOnce } from '../../state/usableMark';
import { Loading } from '../../shell/Loading';
import { PlainList } from '../../shell/PlainList';
import { VisitBadge } from './VisitBadge';
import { VisitButton } from './VisitButton';
import { WhoAmI } from './WhoAmI';

// The report form (antd's Form, Modal, Select) loads when first asked for, not with the page.
const ConcernCreateDialog = lazy(() => import('./ConcernCreateDialog').then((m) => ({ default: m.ConcernCreateDialog })));

/** Who I am, while the roster loads: the member the projection was made for, not yet changeable. */
function KeptWhoAmI({ view }: { view: MyHouseholdsView }) {
  const { t } = useTranslation();
  return <Select disabled style={{ minWidth: 220 }} aria-label={t('work.whoAmI')} data-testid="who-am-i-select" value={view.memberId} options={[{ value: view.memberId, label: view.memberName }]} />;
}

export function MyHouseholdsPage() {
  const { t } = useTranslation();
  const text = useText();
  const state = useMyHouseholdsView();
  const { view, source } = state;
  const live = source === 'live';
  const [reportFor, setReportFor] = useState<HouseholdId | null | undefined>(undefined);
  const [reported, setReported] = useState(false);
  if (reportFor !== undefined && !reported) setReported(true);
  useLayoutEffect(() => {
    if (source === 'loading') return;
    dismissBootScreen();
    // Usable: the page's rows are rendered and its buttons respond (from the kept projection or the documents).
    markOnce('lianxin:usable:my');
    if (live) markOnce('lianxin:live:my');
  }, [source, live]);

  const liveSource = state.loaded ? <MyHouseholdsLive onView={state.setLive} /> : null;
  if (source === 'loading') return <>{liveSource}<Loading /></>;
  const today = datesIn(view?.timeZone ?? 'Asia/Shanghai').today();

  return (
    <section aria-labelledby="my-title" data-source={source}>
      {liveSource}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="my-title">
          {t('nav.myHouseholds')}
        </Typography.Title>
        {view ? live ? <WhoAmI compact /> : <KeptWhoAmI view={view} /> : null}
      </Space>
      {!view ? <WhoAmI /> : null}
      {view ? (
        <>
          <Typography.Paragraph type="secondary">{t('work.pledgeRule', { days: view.intervalDays, count: view.rows.length })}</Typography.Paragraph>
          {view.rows.length === 0 ? (
            <Empty description={t('work.noHouseholds')} />
          ) : (
            <PlainList
              data-testid="my-households"
              items={view.rows}
              render={(row) => {
                const daysSince = daysBetween(row.since, today);
                const overdue = daysSince > view.intervalDays;
                return (
                  <li key={row.id} data-testid="my-household" data-household-id={row.id} data-overdue={overdue} style={{ marginBottom: 10 }}>
                    <Card size="small" style={{ width: '100%' }}>
                      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                          <Typography.Text strong className="lx-text">
                            {row.label} · {row.head}
                          </Typography.Text>
                          <VisitBadge row={{ lastVisit: row.lastVisit, daysSince, overdue }} />
                        </Space>
                        {row.openMustVisits.length > 0 ? (
                          <Space wrap>
                            {row.openMustVisits.map((m) => (
                              <Tag color="red" key={m.id}>
                                {text(LABELS.visitKind[m.reason])}
                              </Tag>
                            ))}
                          </Space>
                        ) : null}
                        <Space wrap>
                          <VisitButton memberId={view.memberId as MemberId} householdId={row.id as HouseholdId} first={row.openMustVisits.map((m) => m.reason)} today={today} ready={live} />
                          {/* The form needs the roster (places, people): it opens once that is loaded. */}
                          <Button icon={<PlusOutlined />} loading={!live} onClick={() => setReportFor(row.id as HouseholdId)} data-testid="report-for-household">
                            {t('work.reportConcern')}
                          </Button>
                          {row.phone ? <Button icon={<PhoneOutlined />} href={`tel:${row.phone}`} aria-label={t('work.call', { name: row.head })} /> : null}
                        </Space>
                      </Space>
                    </Card>
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
