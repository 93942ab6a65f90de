// The frame of every community page: header (community, sync status, who I am), the side menu
// on wide screens and a bottom bar on phones.
import { useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Drawer, Menu, Select, Tag, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useSession } from '../state/useSession';
import { accountPath } from '../state/accountPath';
import { useAccounts } from '../state/useAccounts';
import { useNameFromSetup } from '../state/useNameFromSetup';
import { useRosterSelf } from '../state/useRosterSelf';
import { useRevocation } from '../state/useRevocation';
import { SyncStatusIndicator } from './SyncStatusIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { navItems } from './navItems';

// Pages reached from another area's page belong to that area in the menu.
const AREA: Readonly<Record<string, string>> = { overview: 'dashboard', my: 'my', concerns: 'concerns', roster: 'roster', members: 'roster', points: 'points', meetings: 'meetings', matters: 'meetings', publish: 'publish', settings: 'settings' };

function selectedKey(rest: string): string {
  return AREA[rest.split('/')[0] ?? ''] ?? '';
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const { accounts } = useAccounts();
  useNameFromSetup();
  useRosterSelf();
  useRevocation();
  const navigate = useNavigate();
  const location = useLocation();
  const [drawer, setDrawer] = useState(false);
  const base = `/c/${account.communityId}`;
  const items = navItems(account.role);
  const selected = selectedKey(location.pathname.slice(base.length + 1));
  const menuItems = items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={`${base}/${i.path}`}>{t(i.labelKey)}</Link> }));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="lx-header">
        <Button className="lx-menu-button" type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} />
        <Link to={base} className="lx-header__brand" aria-label={t('app.name')}>
          <img src="/icons/icon.svg" alt="" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="lx-header__community">
          <Select
            aria-label={t('account.switchCommunity')}
            data-testid="community-switch"
            value={account.communityId}
            style={{ width: '100%', maxWidth: 280 }}
            popupMatchSelectWidth={false}
            options={accounts.map((a) => ({ value: a.communityId, label: <span className="lx-clip">{a.communityName}</span> }))}
            onChange={(id: string) => navigate(accountPath(accounts.find((a) => a.communityId === id) ?? { communityId: id, role: 'member' }))}
          />
        </div>
        <div className="lx-header__right">
          <SyncStatusIndicator />
          <Link to={`${base}/settings`} className="lx-who" data-testid="who-am-i" aria-label={t('account.whoAmI')}>
            <Typography.Text className="lx-clip lx-who__name" style={{ maxWidth: 120 }}>
              {account.name}
            </Typography.Text>
            <Tag color={account.role === 'member' ? 'blue' : 'red'} data-testid="my-role" data-role={account.role} style={{ marginInlineEnd: 0 }}>
              {t(`role.${account.role}`)}
            </Tag>
          </Link>
        </div>
      </header>
      <div className="lx-body">
        <nav className="lx-sider" aria-label={t('nav.menu')}>
          <Menu mode="inline" selectedKeys={[selected]} items={menuItems} style={{ borderInlineEnd: 'none' }} />
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
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('nav.menu')}>
        <Menu mode="inline" selectedKeys={[selected]} items={menuItems} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 'none' }} />
        <div style={{ marginTop: 16 }}>
          <LanguageSwitch />
        </div>
      </Drawer>
    </>
  );
}
