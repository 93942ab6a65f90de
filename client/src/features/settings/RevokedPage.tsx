// Where a device lands when its access to a community ended (revoked or expired): it says so
// plainly, removes the community's copy from this device, and offers the unconfirmed changes as
// a file to hand to the secretary.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { download } from '../../state/download';
import { discardHandover, handoverFile, listHandovers, type Handover } from '../../state/handover';
import { useAccounts } from '../../state/useAccounts';
import { AuthFrame } from './AuthFrame';

export function RevokedPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const [params] = useSearchParams();
  const why = params.get('why') === 'expired' ? 'expired' : 'revoked';
  const keep = params.get('keep') === '1';
  const { ready, accounts, remove } = useAccounts();
  const account = accounts.find((a) => a.communityId === communityId) ?? null;
  const [removed, setRemoved] = useState<'pending' | 'done' | 'kept' | 'failed'>(keep ? 'kept' : 'pending');
  const [handovers, setHandovers] = useState<Handover[]>(() => listHandovers(communityId));
  const name = account?.communityName ?? handovers[0]?.communityName ?? communityId;

  useEffect(() => {
    if (keep || !ready) return;
    if (!account) return setRemoved('done');
    remove(communityId).then(
      () => setRemoved('done'),
      () => setRemoved('failed'),
    );
  }, [keep, ready, account, communityId, remove]);

  return (
    <AuthFrame>
      <Card data-testid="revoked-page" data-state={removed}>
        <Typography.Title level={2} className="lx-page-title">
          {t(`revoked.title.${why}`, { name })}
        </Typography.Title>
        <Typography.Paragraph>{t(`revoked.explain.${why}`)}</Typography.Paragraph>
        {removed === 'done' ? <Alert type="success" showIcon title={t('revoked.removed')} style={{ marginBottom: 12 }} /> : null}
        {removed === 'kept' ? <Alert type="warning" showIcon title={t('revoked.kept')} style={{ marginBottom: 12 }} /> : null}
        {removed === 'failed' ? <Alert type="error" showIcon title={t('revoked.failed')} style={{ marginBottom: 12 }} /> : null}
        {handovers.map((h) => (
          <Card key={h.key} size="small" style={{ marginBottom: 12 }} data-testid="handover">
            <Typography.Paragraph>{t('revoked.handover', { count: h.docs.reduce((n, d) => n + d.pending, 0) })}</Typography.Paragraph>
            <Space wrap>
              <Button
                type="primary"
                data-testid="handover-download"
                onClick={() => {
                  const file = handoverFile(h);
                  download(file.name, file.content, 'application/json');
                }}
              >
                {t('revoked.download')}
              </Button>
              <Button
                danger
                onClick={() => {
                  discardHandover(h.key);
                  setHandovers(listHandovers(communityId));
                }}
              >
                {t('revoked.discard')}
              </Button>
            </Space>
          </Card>
        ))}
        <Typography.Paragraph type="secondary">{t('revoked.rejoin')}</Typography.Paragraph>
        <Link to="/">{t('revoked.home')}</Link>
      </Card>
    </AuthFrame>
  );
}
