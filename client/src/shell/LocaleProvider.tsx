// Ant Design's locale, date locale and theme follow the interface language. Only what uses antd
// is wrapped in it (antdScope.tsx loads it beside them): a light page loads none of it.
import { useEffect, useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Language } from '../i18n/i18n';
import { NoticeContext, type Notice } from '../state/notice';
import { useLanguage } from '../state/useLanguage';

// People who ask their system for less motion get none (Ant Design animates menus and drawers).
const reducedMotion = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function LocaleProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  useEffect(() => {
    dayjs.locale(language === Language.zh ? 'zh-cn' : 'en');
  }, [language]);
  return (
    <ConfigProvider
      locale={language === Language.zh ? zh_CN : en_US}
      theme={{
        // Zero-runtime styles (antd 6): the components' CSS is static, not generated in the browser
        // on first render (that cost ~100 ms of the roster page's first render on a laptop core);
        // each component's part of it loads with the chunk that uses it (client/vite/antdCssPerComponent.ts).
        zeroRuntime: true,
        // Hover and press darker, not antd's lighter derivation: white on it stays above 4.5:1 (WCAG AA).
        token: { colorPrimary: '#c62828', colorPrimaryHover: '#a61f1f', colorPrimaryActive: '#8e1a1a', colorLink: '#0958d9', colorTextPlaceholder: '#6b6b6b', colorTextSecondary: '#525252', colorTextDescription: '#525252', colorTextTertiary: '#5c5c5c', borderRadius: 6, fontSize: 15, motion: !reducedMotion },
        // Status tags carry words (synced, overdue, unlinked): their darker colours (WCAG AA) are
        // in app.css (.ant-tag), as zero-runtime mode does not generate component tokens.
      }}
    >
      <AntApp>
        <AntdNotices>{children}</AntdNotices>
      </AntApp>
    </ConfigProvider>
  );
}

/** Commands' outcomes told with antd's message inside antd's App (light pages use notice.ts's own). */
function AntdNotices({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const notice = useMemo<Notice>(
    () => ({
      success: (text) => void message.success(text),
      error: (text) => void message.error(text),
      warning: (text) => void message.warning(text),
      info: (text) => void message.info(text),
    }),
    [message],
  );
  return <NoticeContext.Provider value={notice}>{children}</NoticeContext.Provider>;
}
