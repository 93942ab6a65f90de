// A matter's 4+2 procedure: the six steps with the model's reasons, the next step's form,
// the decision and result texts, and disclosure to the public page.
import { useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Row, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, MATTER_STEPS, type MatterId, type StepStatus } from '@lianxin/model';
import { useMeetings } from '../../state/useMeetings';
import { usePublic } from '../../state/usePublic';
import { useRoster } from '../../state/useRoster';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { Loading } from '../../shell/Loading';
import { NotFound } from '../../shell/NotFound';
import { StepForm } from './StepForm';
import { MatterTexts } from './MatterTexts';
import { StepRecords } from './StepRecords';
import { useDates } from '../../state/useDates';

const STATUS = { passed: 'finish', failed: 'error', conflict: 'error', pending: 'wait' } as const;

export function MatterPage() {
  const { t } = useTranslation();
  const text = useText();
  const dates = useDates();
  const { matterId } = useParams();
  const { canWrite } = useSession();
  const read = useMeetings();
  const roster = useRoster()?.view ?? null;
  const published = usePublic()?.view ?? null;
  const matter = read && matterId ? (read.view.matters.get(matterId as MatterId) ?? null) : null;
  if (!read || !roster) return <Loading />;
  if (!matter) return <NotFound />;
  const editable = canWrite('meetings');
  const disclosure = published?.disclosures.find((d) => d.matterId === matter.id) ?? null;

  const describe = (s: StepStatus) => {
    if (!s.record) return s.step === matter.next ? t('meetings.stepNext') : t('meetings.stepWaiting');
    const meeting = s.record.meetingId ? read.view.meetings.get(s.record.meetingId) : undefined;
    return (
      <span className="lx-text" data-testid={`step-explanation-${s.step}`}>
        {s.record.date}
        {meeting ? ` · ${meeting.title}` : ''} — {text(s.record.evaluation.explanation)}
        {s.record.evaluation.warning ? (
          <Typography.Text style={{ display: 'block', color: '#874d00' }} data-testid={`step-warning-${s.step}`}>
            ⚠ {text(s.record.evaluation.warning)}
          </Typography.Text>
        ) : null}
      </span>
    );
  };
  const current = Math.max(
    0,
    MATTER_STEPS.findIndex((s) => s === matter.next),
  );

  return (
    <section aria-labelledby="matter-title">
      <Typography.Title level={1} className="lx-page-title lx-text" id="matter-title">
        {matter.title}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('meetings.origin')}>
                {text(LABELS.matterOrigin[matter.origin.type])}
                {matter.origin.text ? <span className="lx-text"> · {matter.origin.text}</span> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetings.progress')}>
                {matter.next ? text(LABELS.matterStep[matter.next]) : <Tag color="success">{t('meetings.allDone')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetings.summary')} span="filled">
                <Typography.Paragraph className="lx-text" style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 4, expandable: true }}>
                  {matter.summary}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('meetings.fourTwo')}>
            {matter.blocked ? <Alert type="warning" showIcon title={t('meetings.blocked')} style={{ marginBottom: 12 }} /> : null}
            <Steps
              data-testid="matter-steps"
              orientation="vertical"
              size="small"
              current={matter.next ? current : MATTER_STEPS.length}
              items={matter.steps.map((s) => ({
                key: s.step,
                title: <span data-testid={`step-${s.step}`} data-state={s.state}>{text(LABELS.matterStep[s.step])}</span>,
                status: s.step === matter.next && s.state === 'pending' ? 'process' : STATUS[s.state],
                content: describe(s),
              }))}
            />
          </Card>
        </Col>
        {editable && matter.next && !matter.blocked ? (
          <Col xs={24} lg={12}>
            <StepForm roster={roster} meetings={read.view} matter={matter} />
          </Col>
        ) : null}
        <Col xs={24} lg={editable && matter.next ? 12 : 24}>
          <MatterTexts matter={matter} editable={editable} />
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('meetings.publicStatus')} data-testid="matter-public">
            {disclosure?.resolution ? (
              <Tag color="success" data-testid="published-resolution">
                {t('meetings.resolutionPublished', { date: disclosure.resolution.publishedOn ?? dates.day(disclosure.resolution.publishedAt) })}
              </Tag>
            ) : (
              <Tag>{t('meetings.resolutionNotPublished')}</Tag>
            )}
            {disclosure?.result ? (
              <Tag color="success" data-testid="published-result">
                {t('meetings.resultPublished', { date: disclosure.result.publishedOn ?? dates.day(disclosure.result.publishedAt) })}
              </Tag>
            ) : (
              <Tag>{t('meetings.resultNotPublished')}</Tag>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <StepRecords matter={matter} meetings={read.view} editable={editable} />
          </Space>
        </Col>
      </Row>
    </section>
  );
}
