// The frame of every community page: header (community, sync status, who I am), the side menu
// on wide screens and a bottom bar on phones. Light (no antd): a member's first screen is drawn in
// it; the phone's menu drawer (antd) loads when first opened.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withAntdScope } from './antdScope';
import { useSession } from '../state/useSession';
import { useNameFromSetup } from '../state/useNameFromSetup';
import { useRosterSelf } from '../state/useRosterSelf';
import { useRevocation } from '../state/useRevocation';
import { AppHeader } from './AppHeader';
import { navItems } from './navItems';

const ShellDrawer = lazy(() => withAntdScope(import('./ShellDrawer').then((m) => m.ShellDrawer)));

// Pages reached from another area's page belong to that area in the menu.
const AREA: Readonly<Record<string, string>> = { overview: 'dashboard', my: 'my', concerns: 'concerns', roster: 'roster', members: 'roster', points: 'points', meetings: 'meetings', matters: 'meetings', publish: 'publish', settings: 'settings' };

function selectedKey(rest: string): string {
  return AREA[rest.split('/')[0] ?? ''] ?? '';
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { account } = useSession();
  useNameFromSetup();
  useRosterSelf();
  useRevocation();
  const location = useLocation();
  const [drawer, setDrawer] = useState(false);
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const base = `/c/${account.communityId}`;
  const items = navItems(account.role);
  const selected = selectedKey(location.pathname.slice(base.length + 1));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader
        account={account}
        home={base}
        switchLabel={t('account.switchCommunity')}
        whoHref={`${base}/settings`}
        onMenu={() => {
          setDrawerLoaded(true);
          setDrawer(true);
        }}
      />
      <div className="lx-body">
        <nav className="lx-sider" aria-label={t('nav.menu')}>
          <ul className="lx-nav">
            {items.map((i) => (
              <li key={i.key}>
                <Link to={`${base}/${i.path}`} className="lx-nav__item" aria-current={i.key === selected ? 'page' : undefined}>
                  {i.icon}
                  <span>{t(i.labelKey)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="lx-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <nav className="lx-bottom-nav" aria-label={t('nav.menu')}>
        {items
          .filter((i) => i.primary)
          .map((i) => (
            <NavLink key={i.key} to={`${base}/${i.path}`} data-testid={`nav-${i.key}`}>
              {i.icon}
              <span className="lx-clip">{t(i.labelKey)}</span>
            </NavLink>
          ))}
      </nav>
      {drawerLoaded ? (
        <Suspense fallback={null}>
          <ShellDrawer open={drawer} onClose={() => setDrawer(false)} items={items} base={base} selected={selected} />
        </Suspense>
      ) : null}
    </>
  );
}
