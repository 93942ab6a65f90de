// The frame of a township's or county's pages: the same frame as a community's (ShellFrame),
// with the region's menu and its session's sync status.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { ApartmentOutlined, BarChartOutlined, InboxOutlined, StarOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navItems';
import { ShellFrame } from '../../shell/ShellFrame';
import { useRegionClient, useRegionStatus } from '../../state/region/useRegion';
import { useRegionRevocation } from '../../state/region/useRegionRevocation';

const item = (key: string, icon: ReactNode): NavItem => ({ key, path: key, labelKey: `region.nav.${key}`, icon, primary: true });
const TOWNSHIP: readonly NavItem[] = [item('desk', <InboxOutlined />), item('meetings', <TeamOutlined />), item('pairings', <UsergroupAddOutlined />), item('stars', <StarOutlined />), item('table', <BarChartOutlined />)];
const COUNTY: readonly NavItem[] = [item('table', <BarChartOutlined />), item('stars', <StarOutlined />), item('communities', <ApartmentOutlined />)];

export function RegionShell({ page, children }: { page: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { account, session } = useRegionClient();
  const status = useRegionStatus();
  useRegionRevocation();
  return (
    <ShellFrame header={{ account, switchLabel: t('region.switchAccount'), status }} base={`/r/${account.communityId}`} items={session.role === 'township' ? TOWNSHIP : COUNTY} selected={page}>
      {children}
    </ShellFrame>
  );
}
