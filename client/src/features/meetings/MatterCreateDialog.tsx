import { useNavigate } from 'react-router';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, MatterOrigin, type MatterId } from '@lianxin/model';
import { useMeetingActions } from '../../state/useMeetingActions';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { useWork } from '../../state/useWork';

interface MatterForm {
  title: string;
  summary: string;
  origin: MatterOrigin;
  concernId: string | null;
  originText: string;
}

export function MatterCreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const { communityId } = useSession();
  const actions = useMeetingActions();
  const work = useWork()?.view ?? null;
  const [form] = Form.useForm<MatterForm>();
  const origin = Form.useWatch('origin', form);
  return (
    <Modal open={open} title={t('meetings.newMatter')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'matter-create-ok' } as never} destroyOnHidden>
      <Form<MatterForm>
        form={form}
        layout="vertical"
        initialValues={{ origin: MatterOrigin.branch }}
        onFinish={(v) => {
          const result = actions.createMatter({
            title: v.title,
            summary: v.summary ?? '',
            origin: { type: v.origin, concernId: v.origin === 'concern' ? v.concernId : null, text: v.originText?.trim() || null },
          });
          if (result.type === 'done') {
            onClose();
            navigate(`/c/${communityId}/matters/${result.value as MatterId}`);
          }
        }}
        data-testid="matter-form"
      >
        <Form.Item name="title" label={t('meetings.matterTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="matter-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('meetings.summary')}>
          <Input.TextArea rows={3} data-testid="matter-summary" />
        </Form.Item>
        <Form.Item name="origin" label={t('meetings.origin')}>
          <Select options={Object.values(MatterOrigin).map((o) => ({ value: o, label: text(LABELS.matterOrigin[o]) }))} />
        </Form.Item>
        {origin === 'concern' ? (
          <Form.Item name="concernId" label={t('meetings.fromConcern')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={work ? [...work.concerns.values()].map((c) => ({ value: c.id, label: c.title.slice(0, 100) })) : []} />
          </Form.Item>
        ) : (
          <Form.Item name="originText" label={t('meetings.originText')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
