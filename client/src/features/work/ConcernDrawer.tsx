// One concern: what, where, who; actions that fit its state; its whole history.
import { useState } from 'react';
import { Button, Descriptions, Drawer, Input, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, LEVELS, concernKindText, handlerChoices, handlerFor, type ConcernEvent, type ConcernId, type HouseholdId, type Level, type MemberId } from '@lianxin/model';
import { useActorName } from '../../state/useActorName';
import { useMyMember } from '../../state/useMyMember';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useRoster } from '../../state/useRoster';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { useWork } from '../../state/useWork';
import { useWorkActions } from '../../state/useWorkActions';
import { useDates } from '../../state/useDates';
import { useEscalations } from '../../state/tier/useEscalations';
import { useToday } from '../../state/useToday';
import { TownshipCaseSection } from './TownshipCase';

type Mode = null | 'escalate' | 'handBack' | 'resolve' | 'confirm' | 'note';

export function ConcernDrawer({ concernId, onClose }: { concernId: ConcernId | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const dates = useDates();
  const labels = usePlaceLabels();
  const actorName = useActorName();
  const roster = useRoster()?.view ?? null;
  const work = useWork()?.view ?? null;
  const me = useMyMember();
  const { account } = useSession();
  const actorId = me.member?.id ?? account.personId;
  const actions = useWorkActions();
  const [mode, setMode] = useState<Mode>(null);
  const [note, setNote] = useState('');
  const [level, setLevel] = useState<Level | null>(null);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [satisfied, setSatisfied] = useState(true);
  const concern = concernId && work ? (work.concerns.get(concernId) ?? null) : null;
  const today = useToday();
  const atTownship = useEscalations()?.cases.get(concernId as ConcernId) ?? null;

  const reset = () => {
    setMode(null);
    setNote('');
    setLevel(null);
    setAssignee(null);
    setSatisfied(true);
  };
  const close = () => {
    reset();
    onClose();
  };
  if (!concern || !roster) return <Drawer open={concernId !== null} onClose={close} />;

  const active = concern.status === 'open' || concern.status === 'inProgress';
  const li = LEVELS.indexOf(concern.level);
  const higher = LEVELS.slice(li + 1);
  const lower = LEVELS.slice(0, li);
  const household = concern.reporter.type === 'household' ? roster.households.get(concern.reporter.householdId as HouseholdId) : undefined;
  // Committee members, grid leaders and cadres first, labelled with their posts; and the person
  // acting, who may not be in the roster (a committee member who joined by invite).
  const handlers = handlerChoices(roster);
  const memberOptions = handlers.map((h) => ({ value: h.id, label: h.posts.length ? `${h.name} · ${h.posts.map(text).join('、')}` : h.name }));
  if (!me.member && !handlers.some((h) => h.id === actorId)) memberOptions.unshift({ value: actorId as MemberId, label: `${actorName(actorId)} · ${t('work.me')}` });

  const start = (m: Mode) => {
    reset();
    setMode(m);
    if (m === 'escalate' || m === 'handBack') {
      const target = m === 'escalate' ? higher[0] : lower[lower.length - 1];
      if (target) {
        setLevel(target);
        setAssignee(handlerFor(roster, concern, target));
      }
    }
  };
  const finish = (ok: boolean) => {
    if (ok) reset();
  };
  const submit = () => {
    switch (mode) {
      case 'escalate':
      case 'handBack':
        finish(actions[mode](concern.id, { level: level ?? undefined, assignee: (assignee as MemberId | null) ?? null, note: note.trim() || null }).type === 'done');
        break;
      case 'resolve':
        finish(actions.resolve(concern.id, note).type === 'done');
        break;
      case 'confirm':
        finish(actions.confirm(concern.id, satisfied, note.trim() || null).type === 'done');
        break;
      case 'note':
        finish(actions.note(concern.id, note).type === 'done');
        break;
      case null:
        break;
    }
  };

  const describeEvent = (e: ConcernEvent): string => {
    const who = actorName(e.by);
    switch (e.type) {
      case 'escalate':
      case 'handBack':
        return t(`work.event.${e.type}`, { who, level: text(LABELS.level[e.level]) });
      case 'confirm':
        return t(e.satisfied ? 'work.event.confirmSatisfied' : 'work.event.confirmUnsatisfied', { who });
      default:
        return t(`work.event.${e.type}`, { who });
    }
  };

  return (
    <Drawer open onClose={close} size={520} title={<span className="lx-clip">{concern.title}</span>} data-testid="concern-drawer">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('work.status')}>
          <Tag data-testid="concern-status" data-status={concern.status}>
            {text(LABELS.concernStatus[concern.status])}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.level')}>
          <span data-testid="concern-level" data-level={concern.level}>
            {text(LABELS.level[concern.level])}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.assignee')}>
          <span data-testid="concern-assignee">{concern.assignee ? actorName(concern.assignee) : t('app.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.reporter')}>
          <span className="lx-text">{household ? `${labels.household(roster, household)} ${household.head}` : concern.reporter.type === 'text' ? concern.reporter.text : ''}</span>
        </Descriptions.Item>
        {concern.place.text ? <Descriptions.Item label={t('work.placeText')}>{concern.place.text}</Descriptions.Item> : null}
        {concern.category ? <Descriptions.Item label={t('work.category')}>{text(concernKindText(concern.category))}</Descriptions.Item> : null}
        {concern.detail ? (
          <Descriptions.Item label={t('work.concernDetail')}>
            <Typography.Paragraph className="lx-text" style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 8, expandable: true }}>
              {concern.detail}
            </Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      <Space wrap style={{ margin: '12px 0' }} className="no-print">
        {active && concern.status === 'open' ? (
          <Button type="primary" onClick={() => actions.accept(concern.id)} data-testid="concern-accept">
            {t('work.action.accept')}
          </Button>
        ) : null}
        {active && higher.length > 0 ? (
          <Button onClick={() => start('escalate')} data-testid="concern-escalate">
            {t('work.action.escalate')}
          </Button>
        ) : null}
        {active && lower.length > 0 ? (
          <Button onClick={() => start('handBack')} data-testid="concern-handback">
            {t('work.action.handBack')}
          </Button>
        ) : null}
        {active ? (
          <Button onClick={() => start('resolve')} data-testid="concern-resolve">
            {t('work.action.resolve')}
          </Button>
        ) : null}
        {concern.status === 'resolved' ? (
          <Button type="primary" onClick={() => start('confirm')} data-testid="concern-confirm">
            {t('work.action.confirm')}
          </Button>
        ) : null}
        {!active ? (
          <Button onClick={() => actions.reopen(concern.id)} data-testid="concern-reopen">
            {t('work.action.reopen')}
          </Button>
        ) : null}
        <Button onClick={() => start('note')}>{t('work.action.note')}</Button>
      </Space>

      {mode ? (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="concern-action-form">
          {mode === 'escalate' || mode === 'handBack' ? (
            <>
              <Select
                aria-label={t('work.level')}
                value={level}
                onChange={(v: Level) => {
                  setLevel(v);
                  setAssignee(handlerFor(roster, concern, v));
                }}
                options={(mode === 'escalate' ? higher : lower).map((l) => ({ value: l, label: text(LABELS.level[l]) }))}
              />
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} aria-label={t('work.assignee')} placeholder={t('work.assignee')} value={assignee} onChange={(v) => setAssignee(v ?? null)} options={memberOptions} />
            </>
          ) : null}
          {mode === 'confirm' ? (
            <Radio.Group
              value={satisfied}
              onChange={(e) => setSatisfied(e.target.value as boolean)}
              options={[
                { value: true, label: t('work.satisfied') },
                { value: false, label: t('work.unsatisfied') },
              ]}
            />
          ) : null}
          <Input.TextArea
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={mode === 'resolve' ? t('work.resolveNote') : t('work.note')}
            aria-label={mode === 'resolve' ? t('work.resolveNote') : t('work.note')}
            data-testid="concern-note"
          />
          <Space>
            <Button type="primary" onClick={submit} data-testid="concern-action-submit">
              {t('app.confirm')}
            </Button>
            <Button onClick={reset}>{t('app.cancel')}</Button>
          </Space>
        </Space>
      ) : null}

      {atTownship ? <TownshipCaseSection c={atTownship} today={today} /> : null}

      <Typography.Title level={5}>{t('work.history')}</Typography.Title>
      <Timeline
        data-testid="concern-history"
        items={[
          { key: 'created', content: `${dates.dateTime(concern.createdAt)} · ${t('work.event.created', { who: actorName(concern.createdBy) })}` },
          ...concern.history.map((e) => ({
            key: e.id,
            color: e.applied ? 'blue' : 'gray',
            content: (
              <div>
                <div>
                  {dates.dateTime(e.at)} · {describeEvent(e)}
                  {!e.applied ? <Tag style={{ marginInlineStart: 6 }}>{t('work.event.skipped')}</Tag> : null}
                </div>
                {'note' in e && e.note ? (
                  <Typography.Paragraph type="secondary" className="lx-text" style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                    {e.note}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          })),
        ]}
      />
    </Drawer>
  );
}
