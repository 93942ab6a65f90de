// The secretary invites a committee member or a party member: a one-time link to send by chat.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { isLoopbackAddress } from '@lianxin/model';
import { QrCode } from '../../shell/QrCode';
import { useRoster } from '../../state/useRoster';
import { useInvite } from '../../state/useInvite';
import { useDates } from '../../state/useDates';

export function InvitePanel() {
  const { t } = useTranslation();
  const dates = useDates();
  const { create, busy, error, invite } = useInvite();
  const [form] = Form.useForm<{ role: 'committee' | 'member'; name: string; ttlDays: number }>();
  const origin = useRoster()?.view.settings.publicUrl ?? window.location.origin;
  const url = invite ? inviteLink(invite.url, origin, invite.name) : null;
  const [copied, setCopied] = useState(false);
  return (
    <Card size="small" title={t('settings.invite')}>
      <Form
        form={form}
        name="invite"
        layout="inline"
        initialValues={{ role: 'member', ttlDays: 7 }}
        onFinish={(v) => {
          setCopied(false);
          void create({ role: v.role, ...(v.name?.trim() ? { name: v.name.trim() } : {}), ttlDays: v.ttlDays });
        }}
        data-testid="invite-form"
      >
        <Form.Item name="role" label={t('settings.role')}>
          <Select
            style={{ width: 120 }}
            data-testid="invite-role"
            options={[
              { value: 'member', label: t('role.member') },
              { value: 'committee', label: t('role.committee') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('settings.inviteName')}>
          <Input style={{ width: 140 }} placeholder={t('app.optional')} />
        </Form.Item>
        <Form.Item name="ttlDays" label={t('settings.inviteDays')}>
          <InputNumber min={1} max={90} style={{ width: 80 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="invite-create">
          {t('settings.createInvite')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {url && isLoopbackAddress(origin) ? <Alert type="warning" showIcon title={t('settings.inviteLoopback', { origin })} style={{ marginTop: 12 }} data-testid="invite-loopback-warning" /> : null}
      {url ? (
        <Space align="start" wrap style={{ marginTop: 12 }}>
          <QrCode value={url} size={140} label={t('settings.inviteQr')} />
          <Space orientation="vertical">
            <Typography.Text copyable={{ text: url, onCopy: () => setCopied(true) }} data-testid="invite-url" className="lx-text">
              {url}
            </Typography.Text>
            <Typography.Text type="secondary">{t('settings.inviteHelp', { date: invite?.expiresAt ? dates.day(invite.expiresAt) : '' })}</Typography.Text>
            {copied ? <Typography.Text type="success">{t('settings.copied')}</Typography.Text> : null}
          </Space>
        </Space>
      ) : null}
    </Card>
  );
}

/** The link phones open: on the community's public address, with the name the secretary typed (so the join form need not ask again). */
function inviteLink(path: string, origin: string, name: string | null): string {
  const link = new URL(path, origin);
  if (name) link.hash = `${link.hash}&name=${encodeURIComponent(name)}`;
  return link.toString();
}
