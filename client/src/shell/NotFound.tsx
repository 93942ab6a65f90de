import { Link } from 'react-router';
import { Result } from 'antd';
import { useTranslation } from '../i18n/useTranslation';

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('app.notFound')} extra={<Link to="/">{t('app.backHome')}</Link>} />;
}
