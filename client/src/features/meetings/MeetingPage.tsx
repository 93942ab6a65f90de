// One meeting: details, attendance from the roster, the agenda with its votes, live minutes.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, MeetingStatus, type MatterId, type MeetingId } from '@lianxin/model';
import { MinutesEditor } from '../../editor/MinutesEditor';
import { useMeetingActions } from '../../state/useMeetingActions';
import { useMeetings } from '../../state/useMeetings';
import { useMinutesEditor } from '../../state/useMinutesEditor';
import { useRoster } from '../../state/useRoster';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { Loading } from '../../shell/Loading';
import { NotFound } from '../../shell/NotFound';
import { PlainItem, PlainList } from '../../shell/PlainList';
import { AttendancePicker } from './AttendancePicker';
import { StepStateTag } from './StepStateTag';

export function MeetingPage() {
  const { t } = useTranslation();
  const text = useText();
  const { meetingId } = useParams();
  const { communityId, canWrite } = useSession();
  const read = useMeetings();
  const roster = useRoster()?.view ?? null;
  const actions = useMeetingActions();
  const editable = canWrite('meetings');
  const meeting = read && meetingId ? (read.view.meetings.get(meetingId as MeetingId) ?? null) : null;
  const binding = useMinutesEditor(meeting?.minutesId ?? null);
  const [adding, setAdding] = useState<string | null>(null);
  if (!read || !roster) return <Loading />;
  if (!meeting) return <NotFound />;
  const base = `/c/${communityId}`;
  const agenda = meeting.agenda.flatMap((id) => read.view.matters.get(id) ?? []);
  const notOnAgenda = [...read.view.matters.values()].filter((m) => !meeting.agenda.includes(m.id));

  return (
    <section aria-labelledby="meeting-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title lx-text" id="meeting-title" data-testid="meeting-title-heading">
          {meeting.title}
        </Typography.Title>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
          {t('app.print')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('meetings.kind')}>{text(LABELS.meetingKind[meeting.kind])}</Descriptions.Item>
                <Descriptions.Item label={t('meetings.date')}>{meeting.date}</Descriptions.Item>
                <Descriptions.Item label={t('meetings.place')}>
                  <span className="lx-text">{meeting.place}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.status')}>
                  {editable ? (
                    <Select
                      size="small"
                      aria-label={t('meetings.status')}
                      value={meeting.status}
                      style={{ minWidth: 110 }}
                      onChange={(status) => actions.editMeeting(meeting.id, { status })}
                      options={Object.values(MeetingStatus).map((s) => ({ value: s, label: t(`meetings.statusValue.${s}`) }))}
                      data-testid="meeting-status"
                    />
                  ) : (
                    <Tag>{t(`meetings.statusValue.${meeting.status}`)}</Tag>
                  )}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('meetings.attendance')}>
              <AttendancePicker roster={roster} meeting={meeting} editable={editable && meeting.status !== 'cancelled'} />
            </Card>
            <Card size="small" title={t('meetings.agenda')}>
              {agenda.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noAgenda')} /> : null}
              <PlainList
                items={agenda}
                data-testid="agenda"
                render={(m) => {
                  const here = m.records.filter((r) => r.meetingId === meeting.id && !r.voided);
                  return (
                    <PlainItem key={m.id} actions={editable && m.next ? [<Link key="record" to={`${base}/matters/${m.id}?meeting=${meeting.id}`}>{t('meetings.recordVote')}</Link>] : []}>
                      <Space orientation="vertical" size={2}>
                        <Link to={`${base}/matters/${m.id}`} className="lx-clip" style={{ maxWidth: 260 }}>
                          {m.title}
                        </Link>
                        {here.map((r) => (
                          <span key={r.id}>
                            <StepStateTag label={text(LABELS.matterStep[r.step])} state={r.evaluation.passed ? 'passed' : 'failed'} />
                            {r.votes ? t('meetings.votesShort', { for: r.votes.for, against: r.votes.against, abstain: r.votes.abstain }) : null}
                          </span>
                        ))}
                      </Space>
                    </PlainItem>
                  );
                }}
              />
              {editable && notOnAgenda.length > 0 ? (
                <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                  <Select
                    style={{ flex: 1 }}
                    aria-label={t('meetings.addToAgenda')}
                    placeholder={t('meetings.addToAgenda')}
                    value={adding}
                    onChange={setAdding}
                    options={notOnAgenda.map((m) => ({ value: m.id, label: m.title.slice(0, 80) }))}
                    data-testid="agenda-select"
                  />
                  <Button
                    disabled={!adding}
                    onClick={() => {
                      if (adding) actions.addAgendaItem(meeting.id, adding as MatterId);
                      setAdding(null);
                    }}
                    data-testid="agenda-add"
                  >
                    {t('app.add')}
                  </Button>
                </Space.Compact>
              ) : null}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('meetings.minutes')} extra={editable ? null : <Tag>{t('app.readOnly')}</Tag>}>
            {binding ? <MinutesEditor binding={binding} /> : <Loading />}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
