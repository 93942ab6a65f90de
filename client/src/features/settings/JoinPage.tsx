// Opening an invite link: enter a name, get a token, land in the community.
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { hashParam } from '../../state/hashParam';
import { joinCommunity } from '../../state/relayApi';
import { useEnterCommunity } from '../../state/useEnterCommunity';
import { AuthFrame } from './AuthFrame';

export function JoinPage() {
  const { t } = useTranslation();
  const [code] = useState(() => hashParam(window.location.hash, 'code'));
  // The secretary may have typed the name already; the link carries it.
  const [name] = useState(() => hashParam(window.location.hash, 'name'));
  const { enter, busy, error } = useEnterCommunity();

  async function submit(values: { name: string }) {
    if (!code) return;
    await enter(() => joinCommunity(code, values.name.trim()));
  }

  return (
    <AuthFrame>
      <Card>
        <Typography.Title level={2} className="lx-page-title">
          {t('join.title')}
        </Typography.Title>
        {code ? <Typography.Paragraph>{t('join.intro')}</Typography.Paragraph> : <Alert type="warning" showIcon title={t('join.codeMissing')} />}
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
        {code ? (
          <Form layout="vertical" initialValues={{ name: name ?? '' }} onFinish={(v: { name: string }) => void submit(v)} data-testid="join-form">
            <Form.Item name="name" label={t('join.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input autoComplete="name" data-testid="join-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block data-testid="join-submit">
              {t('join.submit')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </AuthFrame>
  );
}
