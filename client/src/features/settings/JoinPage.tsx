// Opening an invite link: enter a name, get a token, land in the community.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { hashParam } from '../../state/hashParam';
import { joinCommunity } from '../../state/relayApi';
import { useAccounts } from '../../state/useAccounts';
import { useRelayError } from '../../state/useRelayError';
import { AuthFrame } from './AuthFrame';

export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { add } = useAccounts();
  const describe = useRelayError();
  const [code] = useState(() => hashParam(window.location.hash, 'code'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { name: string }) {
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      const result = await joinCommunity(code, values.name.trim());
      const account = await add({ token: result.token, communityName: result.community.name, kind: result.community.kind });
      navigate(`/c/${account.communityId}`, { replace: true });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
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
          <Form layout="vertical" onFinish={(v: { name: string }) => void submit(v)} data-testid="join-form">
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
