// The frame of every page, a community's and a township's or county's: the header, the side menu
// on wide screens and a bottom bar on phones. Light (no antd): a member's first screen and the
// township's desk are drawn in it; the phone's menu drawer (antd) loads when first opened.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';
import { withAntdScope } from './antdScope';
import { AppHeader, type AppHeaderProps } from './AppHeader';
import type { NavItem } from './navItems';

const ShellDrawer = lazy(() => withAntdScope(import('./ShellDrawer').then((m) => m.ShellDrawer)));

export interface ShellFrameProps {
  readonly header: Omit<AppHeaderProps, 'onMenu' | 'home'>;
  /** the account's first page: `/c/<community>` or `/r/<region>`; items' paths are under it */
  readonly base: string;
  readonly items: readonly NavItem[];
  /** the key of the item the page belongs to */
  readonly selected: string;
  readonly children: ReactNode;
}

export function ShellFrame({ header, base, items, selected, children }: ShellFrameProps) {
  const { t } = useTranslation();
  const [drawer, setDrawer] = useState(false);
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader
        {...header}
        home={base}
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
