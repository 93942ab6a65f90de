// Records the matter's next step: the meeting it was taken at, the votes; shows beforehand
// whether it will pass and why (the model's evaluation), with due counted from the roster.
// A tally above those present is shown as an error at the votes, and a refused record keeps
// what was typed and says why in the form (a toast alone is gone before it is read).
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, dueSet, evaluateStep, tallyProblem, type Matter, type MeetingId, type MeetingsView, type Message, type RosterView } from '@lianxin/model';
import { useMeetingActions } from '../../state/useMeetingActions';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { MeetingCreateDialog } from './MeetingCreateDialog';

export function StepForm({ roster, meetings, matter }: { roster: RosterView; meetings: MeetingsView; matter: Matter }) {
  const { t } = useTranslation();
  const text = useText();
  const actions = useMeetingActions();
  const { communityId } = useSession();
  const [params] = useSearchParams();
  const step = matter.next!;
  const rule = roster.settings.stepRules[step];
  const candidates = [...meetings.meetings.values()]
    .filter((m) => m.status !== 'cancelled' && (rule.meetingKinds.length === 0 || rule.meetingKinds.includes(m.kind)))
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const preset = params.get('meeting');
  const [meetingId, setMeetingId] = useState<string | null>(preset && candidates.some((m) => m.id === preset) ? preset : (candidates[0]?.id ?? null));
  const [votes, setVotes] = useState({ for: 0, against: 0, abstain: 0 });
  const [note, setNote] = useState('');
  const [creating, setCreating] = useState(false);
  const [refused, setRefused] = useState<Message | null>(null);
  const meeting = meetingId ? meetings.meetings.get(meetingId as MeetingId) : undefined;

  const preview = useMemo(() => {
    if (rule.meeting === 'none') return null;
    const people = rule.body ? dueSet(roster, rule.body) : null;
    const due = people ? people.size : null;
    // As recordStep counts it: unknown (null) when the meeting has no attendance recorded at all.
    const present = people && meeting?.attendanceRecorded ? [...meeting.present].filter((p) => people.has(p)).length : null;
    return { due, present, evaluation: evaluateStep({ step, date: meeting?.date ?? '', meetingId: meeting?.id ?? null, due, present, votes: rule.approval ? votes : null }, rule) };
  }, [rule, roster, meeting, votes, step]);

  const tally = rule.approval && preview ? tallyProblem(votes, preview.present) : null;
  const changeVotes = (next: typeof votes) => {
    setVotes(next);
    setRefused(null);
  };

  if (rule.meeting === 'none') {
    // The two disclosures: publishing is the step.
    const isResolution = step === 'discloseResolution';
    return (
      <Card size="small" title={text(LABELS.matterStep[step])} data-testid="step-form">
        <Typography.Paragraph>{isResolution ? t('meetings.discloseResolutionHelp') : t('meetings.discloseResultHelp')}</Typography.Paragraph>
        <Button
          type="primary"
          data-testid={isResolution ? 'publish-resolution' : 'publish-result'}
          onClick={() => (isResolution ? actions.discloseResolution(matter.id) : actions.discloseResult(matter.id))}
        >
          {isResolution ? t('meetings.publishResolution') : t('meetings.publishResult')}
        </Button>
      </Card>
    );
  }

  return (
    <Card size="small" title={t('meetings.recordStep', { step: text(LABELS.matterStep[step]) })} data-testid="step-form">
      <Form layout="vertical">
        <Form.Item label={t('meetings.atMeeting')} extra={rule.meetingKinds.length ? t('meetings.meetingKinds', { kinds: rule.meetingKinds.map((k) => text(LABELS.meetingKind[k])).join(' / ') }) : null}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              style={{ flex: 1 }}
              aria-label={t('meetings.atMeeting')}
              value={meetingId}
              onChange={(id) => {
                setMeetingId(id);
                setRefused(null);
              }}
              options={candidates.map((m) => ({ value: m.id, label: `${m.date} ${m.title.slice(0, 60)}` }))}
              data-testid="step-meeting"
              notFoundContent={t('meetings.noMeetingOfKind')}
            />
            <Button onClick={() => setCreating(true)} data-testid="step-new-meeting">
              {t('meetings.new')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {meeting ? (
          <Typography.Paragraph>
            {preview?.due !== null && preview?.due !== undefined
              ? preview.present === null
                ? t('meetings.attendanceNotRecorded', { due: preview.due })
                : t('meetings.presentOfDue', { present: preview.present, due: preview.due })
              : null}{' '}
            <Link to={`/c/${communityId}/meetings/${meeting.id}`} data-testid="step-attendance-link">
              {t('meetings.editAttendance')}
            </Link>
          </Typography.Paragraph>
        ) : null}
        {rule.approval ? (
          <Space wrap>
            <Form.Item label={t('meetings.votesFor')}>
              <InputNumber min={0} max={100000} status={tally ? 'error' : undefined} value={votes.for} onChange={(v) => changeVotes({ ...votes, for: v ?? 0 })} data-testid="votes-for" />
            </Form.Item>
            <Form.Item label={t('meetings.votesAgainst')}>
              <InputNumber min={0} max={100000} status={tally ? 'error' : undefined} value={votes.against} onChange={(v) => changeVotes({ ...votes, against: v ?? 0 })} data-testid="votes-against" />
            </Form.Item>
            <Form.Item label={t('meetings.votesAbstain')}>
              <InputNumber min={0} max={100000} status={tally ? 'error' : undefined} value={votes.abstain} onChange={(v) => changeVotes({ ...votes, abstain: v ?? 0 })} data-testid="votes-abstain" />
            </Form.Item>
          </Space>
        ) : null}
        {tally ? <Alert type="error" showIcon role="alert" title={text(tally)} style={{ marginBottom: 12 }} data-testid="step-tally-error" /> : null}
        {!tally && preview?.evaluation.warning ? <Alert type="warning" showIcon title={text(preview.evaluation.warning)} style={{ marginBottom: 12 }} data-testid="step-attendance-warning" /> : null}
        <Form.Item label={t('work.note')}>
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {preview ? (
          <Alert
            type={preview.evaluation.passed && !tally ? 'success' : 'warning'}
            showIcon
            title={t('meetings.preview')}
            description={<span data-testid="step-preview">{text(preview.evaluation.explanation)}</span>}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {refused && refused.key !== tally?.key ? <Alert type="error" showIcon role="alert" title={text(refused)} style={{ marginBottom: 12 }} data-testid="step-error" /> : null}
        <Button
          type="primary"
          data-testid="step-record"
          onClick={() => {
            const result = actions.recordStep({ matterId: matter.id, step, meetingId: (meetingId as MeetingId | null) ?? null, votes: rule.approval ? votes : null, note: note.trim() || null });
            if (result.type === 'done') {
              setVotes({ for: 0, against: 0, abstain: 0 });
              setNote('');
              setRefused(null);
            } else setRefused(result.message);
          }}
        >
          {t('meetings.record')}
        </Button>
      </Form>
      <MeetingCreateDialog open={creating} onClose={() => setCreating(false)} kinds={rule.meetingKinds} onCreated={setMeetingId} />
    </Card>
  );
}
