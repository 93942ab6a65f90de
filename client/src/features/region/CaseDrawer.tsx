// One escalated case: what the community reported and did, what the township did, the meetings
// that discussed it, and the township's actions (each with its validation message).
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { Button, Descriptions, Drawer, Form, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import type { CaseAction, CaseActionInput } from '@lianxin/model';
import { useCaseActions, type DeskCase } from '../../state/region/useDesk';
import { useRegionClient, useRegionToday } from '../../state/region/useRegion';
import { useRegionView } from '../../state/region/useRegionRecords';
import { datesIn } from '../../state/useDates';
import { DEFAULT_TIME_ZONE } from '@lianxin/model';
import { CaseStateTag } from './CaseStateTag';

type Mode = 'assign' | 'note' | 'resolve' | 'handBack' | null;
const dates = datesIn(DEFAULT_TIME_ZONE);

export function CaseDrawer({ item, onClose }: { item: DeskCase | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const close = () => {
    setMode(null);
    onClose();
  };
  return (
    <Drawer open={item !== null} onClose={close} title={item?.case.title ?? t('region.case.title')} size={Math.min(560, window.innerWidth)} data-testid="case-drawer" destroyOnHidden>
      {item ? <CaseBody item={item} mode={mode} setMode={setMode} /> : null}
    </Drawer>
  );
}

function CaseBody({ item, mode, setMode }: { item: DeskCase; mode: Mode; setMode: (m: Mode) => void }) {
  const { t } = useTranslation();
  const { account } = useRegionClient();
  const act = useCaseActions();
  const region = useRegionView();
  const c = item.case;
  const closed = c.state === 'resolved' || c.state === 'handedBack';
  const run = (input: CaseActionInput) => {
    if (act(item.communityId, c.id, input).type === 'done') setMode(null);
  };
  return (
    <div data-testid="case-body" data-state={c.state}>
      <Space wrap style={{ marginBottom: 12 }}>
        <CaseStateTag state={c.state} />
        {c.resolvedBy ? <Tag>{t(`region.case.resolvedBy.${c.resolvedBy}`)}</Tag> : null}
        {c.satisfied !== null ? <Tag color={c.satisfied ? 'success' : 'warning'}>{t(c.satisfied ? 'region.case.satisfied' : 'region.case.unsatisfied')}</Tag> : null}
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('region.case.community')}>{item.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('region.case.place')}>{c.place || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('region.case.category')}>{c.category ?? t('region.desk.noCategory')}</Descriptions.Item>
        <Descriptions.Item label={t('region.case.reportedAt')}>{dates.dateTime(c.reportedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('region.case.escalatedAt')}>{dates.dateTime(c.escalatedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('region.case.escalatedBy')}>{c.escalatedBy}</Descriptions.Item>
        {c.detail ? <Descriptions.Item label={t('region.case.detail')}>{c.detail}</Descriptions.Item> : null}
      </Descriptions>

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('region.case.communityHistory')}
      </Typography.Title>
      {c.history.length === 0 ? (
        <Typography.Text type="secondary">{t('region.case.noHistory')}</Typography.Text>
      ) : (
        <Timeline items={c.history.map((h, i) => ({ key: i, content: `${dates.dateTime(h.at)} · ${h.type}${h.level ? ` → ${h.level}` : ''}${h.note ? ` · ${h.note}` : ''}` }))} />
      )}

      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('region.case.townshipHistory')}
      </Typography.Title>
      {c.actions.length === 0 ? (
        <Typography.Text type="secondary">{t('region.case.noHistory')}</Typography.Text>
      ) : (
        <Timeline data-testid="case-actions" items={c.actions.map((a) => ({ key: a.id, content: <ActionLine action={a} /> }))} />
      )}

      {c.meetings.length > 0 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('region.case.meetings')}
          </Typography.Title>
          <ul data-testid="case-meetings">
            {c.meetings.map((id) => (
              <li key={id}>
                <Link to={`/r/${account.communityId}/meetings#m-${id}`}>{region.meetings.get(id)?.title ?? id}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('region.case.actions')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {c.state === 'waiting' ? (
          <Button type="primary" data-testid="case-accept" onClick={() => run({ type: 'accept' })}>
            {t('region.case.accept')}
          </Button>
        ) : null}
        {!closed ? (
          <Button data-testid="case-assign" onClick={() => setMode('assign')}>
            {t('region.case.assign')}
          </Button>
        ) : null}
        <Button data-testid="case-note" onClick={() => setMode('note')}>
          {t('region.case.note')}
        </Button>
        {!closed ? (
          <Button data-testid="case-resolve" onClick={() => setMode('resolve')}>
            {t('region.case.resolve')}
          </Button>
        ) : null}
        {!closed ? (
          <Button data-testid="case-handback" onClick={() => setMode('handBack')}>
            {t('region.case.handBack')}
          </Button>
        ) : null}
        {closed ? (
          <Button data-testid="case-reopen" onClick={() => run({ type: 'reopen' })}>
            {t('region.case.reopen')}
          </Button>
        ) : null}
      </Space>
      {mode === 'assign' ? <AssignForm onSubmit={run} /> : null}
      {mode === 'note' ? <TextForm name="note" label={t('region.case.noteLabel')} required={t('region.case.noteRequired')} onSubmit={(note) => run({ type: 'note', note })} /> : null}
      {mode === 'resolve' ? <TextForm name="resolve" label={t('region.case.resolveNote')} required={t('region.case.resolveRequired')} onSubmit={(note) => run({ type: 'resolve', note })} /> : null}
      {mode === 'handBack' ? <TextForm name="handBack" label={t('region.case.reason')} required={t('region.case.reasonRequired')} onSubmit={(reason) => run({ type: 'handBack', reason })} /> : null}
    </div>
  );
}

function ActionLine({ action: a }: { action: CaseAction }) {
  const { t } = useTranslation();
  const when = dates.dateTime(a.at);
  const head =
    a.type === 'assign'
      ? t('region.case.action.assign', { by: a.by, to: a.to.kind === 'community' ? t('region.desk.toCommunity') : a.to.name, deadline: a.deadline })
      : t(`region.case.action.${a.type}`, { by: a.by });
  const note = a.type === 'note' || a.type === 'resolve' ? a.note : a.type === 'handBack' ? a.reason : a.type === 'discussed' ? a.decision : a.type === 'assign' || a.type === 'reopen' ? a.note : null;
  return (
    <span>
      <Typography.Text type="secondary">{when}</Typography.Text> {head}
      {note ? ` · ${note}` : ''}
    </span>
  );
}

function AssignForm({ onSubmit }: { onSubmit: (input: CaseActionInput) => void }) {
  const { t } = useTranslation();
  const today = useRegionToday();
  const [form] = Form.useForm<{ to: 'department' | 'community'; department?: string; deadline: string; note?: string }>();
  const to = Form.useWatch('to', form) ?? 'community';
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="assign-form"
      initialValues={{ to: 'community' }}
      onFinish={(v) =>
        onSubmit({ type: 'assign', to: v.to === 'department' ? { kind: 'department', name: (v.department ?? '').trim() } : { kind: 'community' }, deadline: v.deadline, note: v.note?.trim() || null })
      }
    >
      <Form.Item name="to" label={t('region.case.assignTo')}>
        <Radio.Group>
          <Radio value="community" data-testid="assign-to-community">
            {t('region.case.toCommunity')}
          </Radio>
          <Radio value="department" data-testid="assign-to-department">
            {t('region.case.toDepartment')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {to === 'department' ? (
        <Form.Item name="department" label={t('region.case.department')} rules={[{ required: true, whitespace: true, message: t('region.case.departmentRequired') }, { max: 100 }]}>
          <Input data-testid="assign-department" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="deadline"
        label={t('region.case.deadline')}
        rules={[
          { required: true, message: t('region.case.deadlineRequired') },
          { validator: (_r, value: string | undefined) => (!value || value >= today ? Promise.resolve() : Promise.reject(new Error(t('region.case.deadlinePast')))) },
        ]}
      >
        <Input type="date" data-testid="assign-deadline" />
      </Form.Item>
      <Form.Item name="note" label={t('region.case.noteLabel')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="assign-submit">
        {t('region.case.submit')}
      </Button>
    </Form>
  );
}

function TextForm({ name, label, required, onSubmit }: { name: string; label: string; required: string; onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" data-testid={`${name}-form`} onFinish={(v: { text: string }) => onSubmit(v.text.trim())}>
      <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }, { max: 2000 }]}>
        <Input.TextArea rows={3} data-testid={`${name}-text`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid={`${name}-submit`}>
        {t('region.case.submit')}
      </Button>
    </Form>
  );
}
