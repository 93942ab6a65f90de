import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }} role="status" aria-live="polite" data-testid="loading">
      <Spin />
      <span style={{ marginTop: 8, color: 'var(--lx-muted)' }}>{t('app.loading')}</span>
    </div>
  );
}
