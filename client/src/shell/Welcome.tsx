import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Result, Typography } from 'antd';
import { useTranslation } from '../i18n/useTranslation';
import { AuthFrame } from '../features/settings/AuthFrame';
import { listHandovers } from '../state/handover';

export function Welcome() {
  const { t } = useTranslation();
  // Changes kept from a community this device lost access to, not yet downloaded or discarded.
  const [handovers] = useState(() => listHandovers());
  return (
    <AuthFrame>
      <Card>
        <Result status="info" title={t('account.noCommunity')} subTitle={<Typography.Text>{t('account.noCommunityHelp')}</Typography.Text>} />
        {handovers.map((h) => (
          <Alert
            key={h.key}
            type="warning"
            showIcon
            data-testid="pending-handover"
            title={t('revoked.pending', { name: h.communityName })}
            action={<Link to={`/revoked/${encodeURIComponent(h.communityId)}?why=${h.reason === 'expired' ? 'expired' : 'revoked'}`}>{t('revoked.download')}</Link>}
            style={{ marginTop: 12 }}
          />
        ))}
      </Card>
    </AuthFrame>
  );
}
