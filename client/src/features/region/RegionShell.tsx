// The frame of a township's or county's pages: the app's header (shell/AppHeader), side menu
// on wide screens, bottom bar on phones — the same layout as a community's.
import { useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Drawer, Menu } from 'antd';
import { ApartmentOutlined, BarChartOutlined, InboxOutlined, StarOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { AppHeader } from '../../shell/AppHeader';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { useRegionClient, useRegionStatus } from '../../state/region/useRegion';
import { useRegionRevocation } from '../../state/region/useRegionRevocation';

export function RegionShell({ page, children }: { page: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { account, session } = useRegionClient();
  const status = useRegionStatus();
  useRegionRevocation();
  const [drawer, setDrawer] = useState(false);
  const base = `/r/${account.communityId}`;
  const items =
    session.role === 'township'
      ? [
          { key: 'desk', icon: <InboxOutlined />, label: t('region.nav.desk') },
          { key: 'meetings', icon: <TeamOutlined />, label: t('region.nav.meetings') },
          { key: 'pairings', icon: <UsergroupAddOutlined />, label: t('region.nav.pairings') },
          { key: 'stars', icon: <StarOutlined />, label: t('region.nav.stars') },
          { key: 'table', icon: <BarChartOutlined />, label: t('region.nav.table') },
        ]
      : [
          { key: 'table', icon: <BarChartOutlined />, label: t('region.nav.table') },
          { key: 'stars', icon: <StarOutlined />, label: t('region.nav.stars') },
          { key: 'communities', icon: <ApartmentOutlined />, label: t('region.nav.communities') },
        ];
  const menuItems = items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={`${base}/${i.key}`}>{i.label}</Link> }));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader account={account} home={base} switchLabel={t('region.switchAccount')} status={status} onMenu={() => setDrawer(true)} />
      <div className="lx-body">
        <nav className="lx-sider" aria-label={t('nav.menu')}>
          <Menu mode="inline" selectedKeys={[page]} items={menuItems} style={{ borderInlineEnd: 'none' }} />
        </nav>
        <main id="main" className="lx-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <nav className="lx-bottom-nav" aria-label={t('nav.menu')}>
        {items.map((i) => (
          <NavLink key={i.key} to={`${base}/${i.key}`} data-testid={`nav-${i.key}`}>
            {i.icon}
            <span className="lx-clip">{i.label}</span>
          </NavLink>
        ))}
      </nav>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('nav.menu')}>
        <Menu mode="inline" selectedKeys={[page]} items={menuItems} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 'none' }} />
        <div style={{ marginTop: 16 }}>
          <LanguageSwitch />
        </div>
      </Drawer>
    </>
  );
}
