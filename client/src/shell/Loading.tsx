// Light (no antd): shown by every route while its code or documents load, the member's first.
import { useTranslation } from '../i18n/useTranslation';
import '../ui/ui.css';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }} role="status" aria-live="polite" data-testid="loading">
      <span className="lx-spin">
        <span className="lx-spinner" aria-hidden="true" style={{ display: 'inline-block' }} />
      </span>
      <span style={{ marginTop: 8, color: 'var(--lx-muted)' }}>{t('app.loading')}</span>
    </div>
  );
}
