// What was just added, with its invite as a link to send and a QR code to scan.
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Space, Typography } from 'antd';
import { QrCode } from '../../shell/QrCode';
import { DEFAULT_TIME_ZONE } from '@lianxin/model';
import { datesIn } from '../../state/useDates';
import type { Created } from '../../state/region/useRegionAdmin';

export function CreatedInvite({ created }: { created: Created }) {
  const { t } = useTranslation();
  // The region's days are China's (the communities' default zone), as on the desk.
  const dates = datesIn(DEFAULT_TIME_ZONE);
  const url = new URL(created.invite.url, window.location.origin).toString();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="admin-created"
      title={created.what === 'township' ? t('region.admin.createdTownship', { name: created.name }) : t('region.admin.createdCommunity', { name: created.name })}
      description={
        <Space align="start" wrap>
          <QrCode value={url} size={140} label={t('region.admin.inviteQr')} />
          <Space orientation="vertical">
            <Typography.Text copyable={{ text: url }} data-testid="admin-invite-url" className="lx-text">
              {url}
            </Typography.Text>
            {created.invite.expiresAt ? <Typography.Text type="secondary">{t('region.admin.inviteExpires', { date: dates.day(created.invite.expiresAt) })}</Typography.Text> : null}
          </Space>
        </Space>
      }
    />
  );
}
