import { useNavigate } from 'react-router';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, MeetingKind, type MeetingId } from '@lianxin/model';
import { useMeetingActions } from '../../state/useMeetingActions';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { useToday } from '../../state/useToday';

/** Creates a meeting, then opens it, or hands its id to `onCreated` (the step form picks it). */
export function MeetingCreateDialog({ open, onClose, kinds, onCreated }: { open: boolean; onClose: () => void; kinds?: readonly MeetingKind[]; onCreated?: (id: MeetingId) => void }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const { communityId } = useSession();
  const actions = useMeetingActions();
  // Today in the community's zone, not the browser's.
  const today = useToday();
  const [form] = Form.useForm<{ kind: MeetingKind; date: Dayjs; title: string; place: string }>();
  const options = (kinds && kinds.length ? kinds : Object.values(MeetingKind)).map((k) => ({ value: k, label: text(LABELS.meetingKind[k]) }));
  return (
    <Modal open={open} title={t('meetings.new')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'meeting-create-ok' } as never} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds?.[0] ?? MeetingKind.branchCommittee, date: dayjs(today) }}
        onFinish={(v) => {
          const result = actions.createMeeting({ kind: v.kind, date: v.date.format('YYYY-MM-DD'), ...(v.title?.trim() ? { title: v.title.trim() } : {}), ...(v.place?.trim() ? { place: v.place.trim() } : {}) });
          if (result.type === 'done') {
            onClose();
            if (onCreated) onCreated(result.value as MeetingId);
            else navigate(`/c/${communityId}/meetings/${result.value as MeetingId}`);
          }
        }}
        data-testid="meeting-form"
      >
        <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true }]}>
          <Select options={options} data-testid="meeting-kind" />
        </Form.Item>
        <Form.Item name="date" label={t('meetings.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.title')} extra={t('meetings.titleHelp')}>
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
