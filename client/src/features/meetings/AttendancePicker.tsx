// Attendance picked from the roster: members, and representative households by their head.
import { useMemo } from 'react';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { dueSet, type Attendee, type Body, type HouseholdId, type Meeting, type MemberId, type RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { useMeetingActions } from '../../state/useMeetingActions';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { placeSearch } from '../../state/placeSearch';

const BODIES: readonly Body[] = ['branchCommittee', 'committees', 'members', 'representatives'];

function attendee(key: string): Attendee | null {
  const id = key.slice(2);
  if (key.startsWith('m:')) return { type: 'member', id: id as MemberId };
  if (key.startsWith('h:')) return { type: 'household', id: id as HouseholdId };
  return null;
}

export function AttendancePicker({ roster, meeting, editable }: { roster: RosterView; meeting: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const labels = usePlaceLabels();
  const actions = useMeetingActions();
  const options = useMemo(() => {
    const index = rosterIndex(roster);
    return [
      { label: t('meetings.membersGroup'), options: index.members.filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })) },
      {
        label: t('meetings.representativesGroup'),
        options: index.households.filter((h) => h.representative).map((h) => ({ value: `h:${h.id}`, label: `${h.head} (${labels.household(roster, h)})` })),
      },
    ];
  }, [roster, t, labels]);
  const present = [...meeting.present];
  const counts = BODIES.map((body) => {
    const due = dueSet(roster, body);
    return { body, due: due.size, present: present.filter((p) => due.has(p)).length };
  }).filter((c) => c.due > 0);

  // Mark everyone due present at once, then take out the few who are absent.
  const markAll = (body: Body) => {
    const missing = [...dueSet(roster, body)].filter((k) => !meeting.present.has(k)).flatMap((k) => attendee(k) ?? []);
    if (missing.length) actions.setAttendance(meeting.id, missing, true);
  };
  const change = (next: string[]) => {
    const before = new Set(present);
    const after = new Set(next);
    const added = next.filter((k) => !before.has(k as never)).flatMap((k) => attendee(k) ?? []);
    const removed = present.filter((k) => !after.has(k)).flatMap((k) => attendee(k) ?? []);
    if (added.length) actions.setAttendance(meeting.id, added, true);
    if (removed.length) actions.setAttendance(meeting.id, removed, false);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        mode="multiple"
        allowClear
        showSearch={placeSearch}
        disabled={!editable}
        aria-label={t('meetings.attendance')}
        data-testid="attendance-select"
        style={{ width: '100%' }}
        value={present}
        onChange={change}
        options={options}
        maxTagCount="responsive"
        placeholder={t('meetings.attendancePlaceholder')}
      />
      <Space wrap>
        {counts.map((c) => (
          <Space.Compact key={c.body}>
            <Tag data-testid={`attendance-${c.body}`} data-present={c.present} data-due={c.due} style={{ marginInlineEnd: 0 }}>
              {t(`meetings.body.${c.body}`)}: {t('meetings.presentOfDue', { present: c.present, due: c.due })}
            </Tag>
            {editable && c.present < c.due ? (
              <Button size="small" onClick={() => markAll(c.body)} data-testid={`attendance-all-${c.body}`}>
                {t('meetings.allPresent')}
              </Button>
            ) : null}
          </Space.Compact>
        ))}
      </Space>
      <Typography.Text type="secondary">{t('meetings.dueHelp')}</Typography.Text>
    </Space>
  );
}
