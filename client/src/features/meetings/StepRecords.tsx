// Every step record, voided ones too; a record can be voided (a mistake, or a merge conflict).
import { Button, Card, Input, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, type Matter, type MeetingsView, type StepRecord } from '@lianxin/model';
import { useActorName } from '../../state/useActorName';
import { useMeetingActions } from '../../state/useMeetingActions';
import { useText } from '../../state/useText';

export function StepRecords({ matter, meetings, editable }: { matter: Matter; meetings: MeetingsView; editable: boolean }) {
  const { t } = useTranslation();
  const text = useText();
  const actorName = useActorName();
  const actions = useMeetingActions();
  const [reason, setReason] = useState('');
  return (
    <Card size="small" title={t('meetings.records')}>
      <Table<StepRecord>
        size="small"
        rowKey="id"
        dataSource={[...matter.records]}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('meetings.step'), key: 'step', width: 150, render: (_: unknown, r) => text(LABELS.matterStep[r.step]) },
          { title: t('meetings.date'), dataIndex: 'date', width: 110 },
          { title: t('meetings.meeting'), key: 'meeting', width: 180, render: (_: unknown, r) => <span className="lx-clip" style={{ maxWidth: 170 }}>{r.meetingId ? (meetings.meetings.get(r.meetingId)?.title ?? '') : ''}</span> },
          { title: t('meetings.outcome'), key: 'outcome', render: (_: unknown, r) => (
              <span className="lx-text">
                {text(r.evaluation.explanation)}
                {r.evaluation.warning ? (
                  <Tag color="warning" className="lx-text" style={{ display: 'block', marginTop: 4, whiteSpace: 'normal' }} data-testid="step-record-warning">
                    {text(r.evaluation.warning)}
                  </Tag>
                ) : null}
              </span>
            ) },
          { title: t('meetings.recordedBy'), key: 'by', width: 100, render: (_: unknown, r) => actorName(r.by) },
          {
            title: '',
            key: 'void',
            width: 100,
            render: (_: unknown, r) =>
              r.voided ? (
                <Tag>{t('meetings.voided')}</Tag>
              ) : editable ? (
                <Popconfirm
                  title={t('meetings.voidConfirm')}
                  description={<Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('meetings.voidReason')} aria-label={t('meetings.voidReason')} />}
                  onConfirm={() => {
                    if (actions.voidStep(r.id, reason).type === 'done') setReason('');
                  }}
                >
                  <Button size="small">{t('meetings.void')}</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
