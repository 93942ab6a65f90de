import { Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../features/settings/AuthFrame';

export function Welcome() {
  const { t } = useTranslation();
  return (
    <AuthFrame>
      <Card>
        <Result status="info" title={t('account.noCommunity')} subTitle={<Typography.Text>{t('account.noCommunityHelp')}</Typography.Text>} />
      </Card>
    </AuthFrame>
  );
}
