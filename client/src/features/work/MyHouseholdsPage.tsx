// 我的联户: the households I serve, must-visits and overdue ones first.
import { lazy, Suspense, useState } from 'react';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS, type HouseholdId } from '@lianxin/model';
import { useMyHouseholds } from '../../state/useMyHouseholds';
import { useMyMember } from '../../state/useMyMember';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useRoster } from '../../state/useRoster';
import { useText } from '../../state/useText';
import { Loading } from '../../shell/Loading';
import { PlainList } from '../../shell/PlainList';
import { VisitBadge } from './VisitBadge';
import { VisitButton } from './VisitButton';
import { WhoAmI } from './WhoAmI';

// The report form (antd's Form, Modal, Select) loads when first asked for, not with the page.
const ConcernCreateDialog = lazy(() => import('./ConcernCreateDialog').then((m) => ({ default: m.ConcernCreateDialog })));

export function MyHouseholdsPage() {
  const { t } = useTranslation();
  const text = useText();
  const labels = usePlaceLabels();
  const roster = useRoster()?.view ?? null;
  const me = useMyMember();
  const mine = useMyHouseholds(me.member?.id ?? null);
  const [reportFor, setReportFor] = useState<HouseholdId | null | undefined>(undefined);
  const [reported, setReported] = useState(false);
  if (reportFor !== undefined && !reported) setReported(true);
  if (!roster) return <Loading />;

  return (
    <section aria-labelledby="my-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="my-title">
          {t('nav.myHouseholds')}
        </Typography.Title>
        {me.member ? <WhoAmI compact /> : null}
      </Space>
      {!me.member ? <WhoAmI /> : null}
      {me.member && mine ? (
        <>
          <Typography.Paragraph type="secondary">{t('work.pledgeRule', { days: mine.intervalDays, count: mine.rows.length })}</Typography.Paragraph>
          {mine.rows.length === 0 ? (
            <Empty description={t('work.noHouseholds')} />
          ) : (
            <PlainList
              data-testid="my-households"
              items={mine.rows}
              render={(row) => (
                <li key={row.household.id} data-testid="my-household" data-household-id={row.household.id} data-overdue={row.overdue} style={{ marginBottom: 10 }}>
                  <Card size="small" style={{ width: '100%' }}>
                    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                        <Typography.Text strong className="lx-text">
                          {labels.household(roster, row.household)} · {row.household.head}
                        </Typography.Text>
                        <VisitBadge row={row} />
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
                        <VisitButton memberId={me.member!.id} householdId={row.household.id} open={row.openMustVisits} />
                        <Button icon={<PlusOutlined />} onClick={() => setReportFor(row.household.id)} data-testid="report-for-household">
                          {t('work.reportConcern')}
                        </Button>
                        {row.household.phone ? (
                          <Button icon={<PhoneOutlined />} href={`tel:${row.household.phone}`} aria-label={t('work.call', { name: row.household.head })} />
                        ) : null}
                      </Space>
                    </Space>
                  </Card>
                </li>
              )}
            />
          )}
        </>
      ) : null}
      {reported ? (
        <Suspense fallback={null}>
          <ConcernCreateDialog open={reportFor !== undefined} householdId={reportFor ?? null} onClose={() => setReportFor(undefined)} />
        </Suspense>
      ) : null}
    </section>
  );
}
