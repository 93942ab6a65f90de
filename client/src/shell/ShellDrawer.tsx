// The phone's menu drawer (antd's Drawer and Menu, the language switch): loaded when first opened,
// with antd's providers, so the shell every page renders in carries none of it.
import { Drawer, Menu } from 'antd';
import { useTranslation } from '../i18n/useTranslation';
import { Link } from 'react-router';
import type { NavItem } from './navItems';
import { LanguageSwitch } from './LanguageSwitch';

export function ShellDrawer({ open, onClose, items, base, selected }: { open: boolean; onClose: () => void; items: readonly NavItem[]; base: string; selected: string }) {
  const { t } = useTranslation();
  const menuItems = items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={`${base}/${i.path}`}>{t(i.labelKey)}</Link> }));
  return (
    <Drawer open={open} onClose={onClose} placement="left" size={260} title={t('nav.menu')}>
      <Menu mode="inline" selectedKeys={[selected]} items={menuItems} onClick={onClose} style={{ borderInlineEnd: 'none' }} />
      <div style={{ marginTop: 16 }}>
        <LanguageSwitch />
      </div>
    </Drawer>
  );
}
