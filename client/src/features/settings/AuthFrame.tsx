import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { BrandMark } from '../../ui/BrandMark';

/** The plain frame around the pages seen before joining (setup, join, welcome). */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: '24px 12px' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 16 }}>
        <BrandMark size={36} />
        <div style={{ flex: 1 }}>
          <div style={{ fontWeight: 700, fontSize: 20, color: 'var(--lx-red)' }}>{t('app.name')}</div>
          <div style={{ color: 'var(--lx-muted)', fontSize: 13 }}>{t('app.tagline')}</div>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
