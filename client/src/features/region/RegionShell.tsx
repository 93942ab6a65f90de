// The frame of a township's or county's pages: header (region, sync status, who I am), side menu
// on wide screens, bottom bar on phones — the same layout as a community's.
import { useState, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Drawer, Menu, Select, Tag, Typography } from 'antd';
import { ApartmentOutlined, BarChartOutlined, InboxOutlined, StarOutlined, MenuOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { SyncStatusIndicator } from '../../shell/SyncStatusIndicator';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { accountPath } from '../../state/accountPath';
import { useAccounts } from '../../state/useAccounts';
import { useRegionClient, useRegionStatus } from '../../state/region/useRegion';
import { useRegionRevocation } from '../../state/region/useRegionRevocation';

export function RegionShell({ page, children }: { page: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { account, session } = useRegionClient();
  const { accounts } = useAccounts();
  const status = useRegionStatus();
  useRegionRevocation();
  const navigate = useNavigate();
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
      <header className="lx-header">
        <Button className="lx-menu-button" type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} />
        <Link to={base} className="lx-header__brand" aria-label={t('app.name')}>
          <img src="/icons/icon.svg" alt="" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="lx-header__community">
          <Select
            aria-label={t('region.switchAccount')}
            data-testid="community-switch"
            value={account.communityId}
            style={{ width: '100%', maxWidth: 280 }}
            popupMatchSelectWidth={false}
            options={accounts.map((a) => ({ value: a.communityId, label: <span className="lx-clip">{a.communityName}</span> }))}
            onChange={(id: string) => navigate(accountPath(accounts.find((a) => a.communityId === id) ?? account))}
          />
        </div>
        <div className="lx-header__right">
          <SyncStatusIndicator status={status} />
          <span className="lx-who" data-testid="who-am-i">
            <Typography.Text className="lx-clip lx-who__name" style={{ maxWidth: 120 }}>
              {account.name}
            </Typography.Text>
            <Tag color="red" data-testid="my-role" data-role={account.role} style={{ marginInlineEnd: 0 }}>
              {t(`role.${account.role}`)}
            </Tag>
          </span>
        </div>
      </header>
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
