// Fast concern entry on a phone: a title is enough; household, place and category are optional.
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { concernKindText, DEFAULT_CONCERN_KINDS, LABELS, LEVELS, type Level } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useRoster } from '../../state/useRoster';
import { useText } from '../../state/useText';
import { useWorkActions } from '../../state/useWorkActions';
import { placeSearch } from '../../state/placeSearch';

interface ConcernForm {
  title: string;
  detail: string;
  householdId: string | null;
  reporterText: string;
  placeText: string;
  category: string | null;
  level: Level;
}

export function ConcernCreateDialog({ open, householdId, onClose }: { open: boolean; householdId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const labels = usePlaceLabels();
  const roster = useRoster()?.view ?? null;
  const actions = useWorkActions();
  const [form] = Form.useForm<ConcernForm>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ householdId, level: 'member' });
    }
  }, [open, householdId, form]);

  function submit(v: ConcernForm) {
    const result = actions.reportConcern({
      title: v.title,
      detail: v.detail ?? '',
      reporter: v.householdId ? { type: 'household', householdId: v.householdId } : { type: 'text', text: v.reporterText?.trim() || t('work.anonymousResident') },
      category: v.category ?? null,
      place: v.placeText?.trim() ? { text: v.placeText.trim() } : undefined,
      level: v.level,
    });
    if (result.type === 'done') onClose();
  }

  return (
    <Modal open={open} title={t('work.reportConcern')} onCancel={onClose} onOk={() => form.submit()} okText={t('app.save')} okButtonProps={{ 'data-testid': 'concern-save' } as never} destroyOnHidden>
      <Form<ConcernForm> form={form} layout="vertical" onFinish={submit} data-testid="concern-form">
        <Form.Item name="title" label={t('work.concernTitle')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="concern-title" autoFocus />
        </Form.Item>
        <Form.Item name="detail" label={t('work.concernDetail')}>
          <Input.TextArea rows={3} maxLength={10_000} data-testid="concern-detail" />
        </Form.Item>
        <Form.Item name="householdId" label={t('work.reporterHousehold')}>
          <Select
            allowClear
            showSearch={placeSearch}
            virtual
            data-testid="concern-household"
            options={roster ? rosterIndex(roster).households.map((h) => ({ value: h.id, label: `${labels.household(roster, h)} ${h.head}` })) : []}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.householdId !== b.householdId}>
          {({ getFieldValue }) =>
            getFieldValue('householdId') ? null : (
              <>
                <Form.Item name="reporterText" label={t('work.reporterText')}>
                  <Input />
                </Form.Item>
                <Form.Item name="placeText" label={t('work.placeText')}>
                  <Input />
                </Form.Item>
              </>
            )
          }
        </Form.Item>
        <Form.Item name="category" label={t('work.category')}>
          <Select
            allowClear
            data-testid="concern-category"
            options={(roster?.settings.concernKinds ?? DEFAULT_CONCERN_KINDS).map((k) => ({ value: k, label: text(concernKindText(k)) }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('work.level')}>
          <Select options={LEVELS.map((l) => ({ value: l, label: text(LABELS.level[l]) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
