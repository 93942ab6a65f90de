// Community settings kept in the roster: contact details, linking limits, the visit pledge,
// the kinds of problem concerns are sorted by, and the time zone dates are counted in.
import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { concernKindText, isLoopbackAddress, parsePublicAddress } from '@lianxin/model';
import { useText } from '../../state/useText';
import { useTranslation } from '../../i18n/useTranslation';
import { useRoster } from '../../state/useRoster';
import { useRosterActions } from '../../state/useRosterActions';

interface SettingsForm {
  name: string;
  township: string;
  address: string;
  phone: string;
  officeHours: string;
  intro: string;
  publicUrl: string;
  linkMin: number;
  linkMax: number;
  visitIntervalDays: number;
  responseDays: number;
  concernKinds: string[];
  timeZone: string;
}

/** A few zones a community is likely to be in; the current one is always offered too. */
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function CommunitySettingsPanel() {
  const { t } = useTranslation();
  const text = useText();
  const roster = useRoster()?.view ?? null;
  const actions = useRosterActions();
  const [form] = Form.useForm<SettingsForm>();
  const settings = roster?.settings;
  const typedAddress = parsePublicAddress(Form.useWatch('publicUrl', form) ?? '');
  useEffect(() => {
    if (!settings || form.isFieldsTouched()) return;
    form.setFieldsValue({
      name: settings.name,
      township: settings.township ?? '',
      address: settings.address ?? '',
      phone: settings.phone ?? '',
      officeHours: settings.officeHours ?? '',
      intro: settings.intro ?? '',
      publicUrl: settings.publicUrl ?? '',
      linkMin: settings.linkMin,
      linkMax: settings.linkMax,
      visitIntervalDays: settings.visitIntervalDays,
      responseDays: settings.responseDays,
      concernKinds: [...settings.concernKinds],
      timeZone: settings.timeZone,
    });
    // Filled when opened and when the stored settings change (e.g. the name from setup arriving),
    // until the person starts typing: then remote edits must not overwrite what is being typed.
  }, [settings]);
  if (!settings) return null;
  return (
    <Card size="small" title={t('settings.community')}>
      <Form<SettingsForm>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          actions.updateSettings({
            name: v.name.trim(),
            township: orNull(v.township),
            address: orNull(v.address),
            phone: orNull(v.phone),
            officeHours: orNull(v.officeHours),
            intro: orNull(v.intro),
            publicUrl: v.publicUrl?.trim() ? (parsePublicAddress(v.publicUrl) as { origin: string }).origin : null,
            linkMin: v.linkMin,
            linkMax: v.linkMax,
            visitIntervalDays: v.visitIntervalDays,
            responseDays: v.responseDays,
            concernKinds: v.concernKinds.map((k) => k.trim()).filter((k, i, all) => k && all.indexOf(k) === i),
            timeZone: v.timeZone,
          })
        }
        data-testid="community-settings"
      >
        <Form.Item name="name" label={t('setup.communityName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="township" label={t('settings.township')}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('settings.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('roster.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="officeHours" label={t('settings.officeHours')}>
          <Input />
        </Form.Item>
        <Form.Item name="intro" label={t('settings.intro')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="publicUrl"
          label={t('setup.publicUrl')}
          extra={t('setup.publicUrlHelp')}
          rules={[{ validator: (_r, v: string | undefined) => (!v?.trim() || parsePublicAddress(v).ok ? Promise.resolve() : Promise.reject(new Error(t('setup.publicUrlInvalid')))) }]}
        >
          <Input inputMode="url" autoCapitalize="none" placeholder={window.location.origin} />
        </Form.Item>
        {typedAddress.ok && isLoopbackAddress(typedAddress.origin) ? <Alert type="warning" showIcon title={t('setup.publicUrlLoopback')} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="linkMin" label={t('settings.linkMin')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="linkMax" label={t('settings.linkMax')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="visitIntervalDays" label={t('settings.visitIntervalDays')}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item name="responseDays" label={t('settings.responseDays')}>
          <InputNumber min={0} max={365} />
        </Form.Item>
        <Form.Item name="concernKinds" label={t('settings.concernKinds')} extra={t('settings.concernKindsHelp')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="tags" tokenSeparators={['、', ',', ',']} options={settings.concernKinds.map((k) => ({ value: k, label: text(concernKindText(k)) }))} data-testid="settings-concern-kinds" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('settings.timeZone')} extra={t('settings.timeZoneHelp')}>
          <Select
            showSearch
            data-testid="settings-time-zone"
            options={[...new Set([settings.timeZone, ...COMMON_ZONES])].map((z) => ({ value: z, label: z === 'Asia/Shanghai' ? `${t('settings.chinaTime')} (${z})` : z }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('app.save')}
        </Button>
      </Form>
    </Card>
  );
}
