// First run: the secretary opens the setup link the relay printed and creates the community.
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { isCommunityId } from '@lianxin/protocol';
// The one model file setup needs: the model's entry would bring Yjs, zod and every command.
import { isLoopbackAddress, parsePublicAddress } from '@lianxin/model/publicAddress';
import { hashParam } from '../../state/hashParam';
import { setupCommunity } from '../../state/relayApi';
import { leaveSetupHandoff } from '../../state/setupHandoff';
import { useEnterCommunity } from '../../state/useEnterCommunity';
import { AuthFrame } from './AuthFrame';

interface SetupForm {
  code: string;
  id: string;
  name: string;
  kind: 'urban' | 'village';
  secretary: string;
  publicUrl: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  const [code] = useState(() => hashParam(window.location.hash, 'code'));
  const { enter, busy, error } = useEnterCommunity();
  const [form] = Form.useForm<SetupForm>();
  const typedAddress = Form.useWatch('publicUrl', form) ?? window.location.origin;
  const address = parsePublicAddress(typedAddress);

  async function submit(values: SetupForm) {
    const parsed = parsePublicAddress(values.publicUrl ?? '');
    leaveSetupHandoff(values.id.trim(), { publicUrl: parsed.ok ? parsed.origin : null });
    await enter(() =>
      setupCommunity({
        code: values.code.trim(),
        community: { id: values.id.trim(), name: values.name.trim(), kind: values.kind },
        secretary: { name: values.secretary.trim() },
      }),
    );
  }

  return (
    <AuthFrame>
      <Card>
        <Typography.Title level={2} className="lx-page-title">
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
        {code ? null : <Alert type="warning" showIcon title={t('setup.codeMissing')} style={{ marginBottom: 12 }} />}
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Form<SetupForm>
          layout="vertical"
          form={form}
          initialValues={{ code: code ?? '', kind: 'urban', publicUrl: window.location.origin }}
          onFinish={(v) => void submit(v)}
          data-testid="setup-form"
        >
          <Form.Item name="code" label={t('setup.code')} rules={[{ required: true, whitespace: true }]} hidden={Boolean(code)}>
            <Input autoComplete="off" data-testid="setup-code" />
          </Form.Item>
          <Form.Item
            name="id"
            label={t('setup.communityId')}
            extra={t('setup.communityIdHelp')}
            rules={[
              { required: true, message: t('app.required') },
              { validator: (_r, v: string | undefined) => (v === undefined || v === '' || isCommunityId(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('setup.communityIdInvalid')))) },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" data-testid="setup-id" />
          </Form.Item>
          <Form.Item name="name" label={t('setup.communityName')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input data-testid="setup-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('setup.kind')}>
            <Radio.Group
              aria-label={t('setup.kind')}
              options={[
                { value: 'urban', label: t('setup.kindUrban') },
                { value: 'village', label: t('setup.kindVillage') },
              ]}
            />
          </Form.Item>
          <Form.Item name="secretary" label={t('setup.secretaryName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoComplete="name" data-testid="setup-secretary" />
          </Form.Item>
          <Form.Item
            name="publicUrl"
            label={t('setup.publicUrl')}
            extra={t('setup.publicUrlHelp')}
            rules={[{ validator: (_r, v: string | undefined) => (parsePublicAddress(v ?? '').ok ? Promise.resolve() : Promise.reject(new Error(t('setup.publicUrlInvalid')))) }]}
          >
            <Input inputMode="url" autoComplete="off" autoCapitalize="none" data-testid="setup-public-url" />
          </Form.Item>
          {address.ok && isLoopbackAddress(address.origin) ? <Alert type="warning" showIcon title={t('setup.publicUrlLoopback')} data-testid="setup-loopback-warning" style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </AuthFrame>
  );
}
