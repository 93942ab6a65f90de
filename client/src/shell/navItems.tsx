import type { ReactNode } from 'react';
import {
  AlertOutlined,
  CalendarOutlined,
  DashboardOutlined,
  HomeOutlined,
  NotificationOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { TokenRole } from '@lianxin/protocol';

export interface NavItem {
  readonly key: string;
  /** path under /c/<community>/ */
  readonly path: string;
  readonly labelKey: string;
  readonly icon: ReactNode;
  /** shown in the phone's bottom bar */
  readonly primary: boolean;
}

/** What each role is offered; the relay enforces the same table (PERMISSIONS). */
export function navItems(role: TokenRole): NavItem[] {
  const committee = role !== 'member';
  const items: (NavItem | null)[] = [
    { key: 'dashboard', path: 'overview', labelKey: 'nav.dashboard', icon: <DashboardOutlined />, primary: committee },
    { key: 'my', path: 'my', labelKey: 'nav.myHouseholds', icon: <HomeOutlined />, primary: !committee },
    { key: 'concerns', path: 'concerns', labelKey: 'nav.concerns', icon: <AlertOutlined />, primary: true },
    { key: 'roster', path: 'roster', labelKey: 'nav.roster', icon: <TeamOutlined />, primary: true },
    { key: 'meetings', path: 'meetings', labelKey: 'nav.meetings', icon: <CalendarOutlined />, primary: true },
    { key: 'points', path: 'points', labelKey: 'nav.points', icon: <TrophyOutlined />, primary: !committee },
    committee ? { key: 'publish', path: 'publish', labelKey: 'nav.publish', icon: <NotificationOutlined />, primary: false } : null,
    { key: 'settings', path: 'settings', labelKey: 'nav.settings', icon: <SettingOutlined />, primary: false },
  ];
  return items.filter((i): i is NavItem => i !== null);
}
