// The header of every page, a community's and a township's or county's: the menu button (phones),
// the app's name, the switch between this device's accounts, the sync status and who I am.
// Light (no antd): a member's first screen is drawn in it.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';
import { MenuOutlined } from '@ant-design/icons';
import { Button } from '../ui/Button';
import { BrandMark } from '../ui/BrandMark';
import { Tag } from '../ui/Tag';
import type { Account } from '../state/Account';
import type { SyncStatus } from '../state/ClientSession';
import { accountPath } from '../state/accountPath';
import { useAccounts } from '../state/useAccounts';
import { SyncStatusIndicator } from './SyncStatusIndicator';

export interface AppHeaderProps {
  readonly account: Pick<Account, 'communityId' | 'name' | 'role'>;
  /** where the app's name links: the account's first page */
  readonly home: string;
  /** the account switch's label (a community's "switch community", a region's "switch account") */
  readonly switchLabel: string;
  /** opens the menu drawer (phones) */
  readonly onMenu: () => void;
  /** a region session's status; default the open community's */
  readonly status?: SyncStatus;
  /** where "who I am" links (a community's settings); a plain label without */
  readonly whoHref?: string;
}

export function AppHeader({ account, home, switchLabel, onMenu, status, whoHref }: AppHeaderProps) {
  const { t } = useTranslation();
  const { accounts } = useAccounts();
  const navigate = useNavigate();
  const who = (
    <>
      <span className="lx-clip lx-who__name" style={{ maxWidth: 120 }}>
        {account.name}
      </span>
      <Tag color={account.role === 'member' ? 'blue' : 'red'} data-testid="my-role" data-role={account.role}>
        {t(`role.${account.role}`)}
      </Tag>
    </>
  );
  return (
    <header className="lx-header">
      <Button className="lx-menu-button" kind="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={onMenu} />
      <Link to={home} className="lx-header__brand" aria-label={t('app.name')}>
        <BrandMark />
        <span>{t('app.name')}</span>
      </Link>
      <div className="lx-header__community">
        <select
          className="lx-select lx-community-switch"
          aria-label={switchLabel}
          data-testid="community-switch"
          value={account.communityId}
          onChange={(e) => {
            const next = accounts.find((a) => a.communityId === e.target.value);
            if (next) navigate(accountPath(next));
          }}
        >
          {accounts.map((a) => (
            <option key={a.communityId} value={a.communityId}>
              {a.communityName}
            </option>
          ))}
        </select>
      </div>
      <div className="lx-header__right">
        <SyncStatusIndicator status={status} />
        {whoHref ? (
          <Link to={whoHref} className="lx-who" data-testid="who-am-i" aria-label={t('account.whoAmI')}>
            {who}
          </Link>
        ) : (
          <span className="lx-who" data-testid="who-am-i">
            {who}
          </span>
        )}
      </div>
    </header>
  );
}
