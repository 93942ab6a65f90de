// The frame of every community page (ShellFrame): header, side menu, bottom bar.
import { lazy, Suspense, useContext, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';
import { useSession } from '../state/useSession';
import { SessionContext } from '../state/SessionContext';
import { navItems } from './navItems';
import { ShellFrame } from './ShellFrame';

const SessionChores = lazy(() => import('./SessionChores'));

// Pages reached from another area's page belong to that area in the menu.
const AREA: Readonly<Record<string, string>> = { overview: 'dashboard', my: 'my', concerns: 'concerns', roster: 'roster', members: 'roster', points: 'points', meetings: 'meetings', matters: 'meetings', publish: 'publish', settings: 'settings' };

function selectedKey(rest: string): string {
  return AREA[rest.split('/')[0] ?? ''] ?? '';
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const open = useContext(SessionContext) !== null;
  const location = useLocation();
  const base = `/c/${account.communityId}`;
  return (
    <ShellFrame
      header={{ account, switchLabel: t('account.switchCommunity'), whoHref: `${base}/settings` }}
      base={base}
      items={navItems(account.role)}
      selected={selectedKey(location.pathname.slice(base.length + 1))}
    >
      {open ? (
        <Suspense fallback={null}>
          <SessionChores />
        </Suspense>
      ) : null}
      {children}
    </ShellFrame>
  );
}
