// 设置: who I am, communities on this device, language, invites and people (secretary).
import { useNavigate } from 'react-router';
import { Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { canManagePeople } from '@lianxin/protocol';
import { useAccounts } from '../../state/useAccounts';
import { useSession } from '../../state/useSession';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { PlainItem, PlainList } from '../../shell/PlainList';
import { WhoAmI } from '../work/WhoAmI';
import { InvitePanel } from './InvitePanel';
import { PeoplePanel } from './PeoplePanel';
import { CommunitySettingsPanel } from './CommunitySettingsPanel';

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account, isCommittee } = useSession();
  const { accounts, remove } = useAccounts();
  return (
    <section aria-labelledby="settings-title">
      <Typography.Title level={1} className="lx-page-title" id="settings-title">
        {t('nav.settings')}
      </Typography.Title>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={t('account.whoAmI')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('settings.name')}>
              <span className="lx-text" data-testid="settings-name">
                {account.name}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.role')}>
              <Tag data-testid="settings-role">{t(`role.${account.role}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.community')}>{account.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('work.whoAmI')}>
              <WhoAmI compact />
            </Descriptions.Item>
            <Descriptions.Item label={t('app.language')}>
              <LanguageSwitch />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {isCommittee ? <CommunitySettingsPanel /> : null}
        {canManagePeople(account.role) ? <InvitePanel /> : null}
        {canManagePeople(account.role) ? <PeoplePanel /> : null}
        <Card size="small" title={t('account.communities')}>
          <PlainList
            items={accounts}
            data-testid="accounts"
            render={(a) => (
              <PlainItem
                key={a.communityId}
                actions={[
                  a.communityId === account.communityId ? (
                    <Tag key="current">{t('account.current')}</Tag>
                  ) : (
                    <Button key="open" size="small" onClick={() => navigate(`/c/${a.communityId}`)}>
                      {t('account.open')}
                    </Button>
                  ),
                  <Popconfirm
                    key="forget"
                    title={t('account.forgetConfirm', { name: a.communityName })}
                    onConfirm={() => {
                      void remove(a.communityId).then(() => {
                        if (a.communityId === account.communityId) navigate('/', { replace: true });
                      });
                    }}
                  >
                    <Button size="small" danger>
                      {t('account.forget')}
                    </Button>
                  </Popconfirm>,
                ]}
                title={<span className="lx-clip">{a.communityName}</span>}
                description={`${a.name} · ${t(`role.${a.role}`)}`}
              />
            )}
          />
        </Card>
      </Space>
    </section>
  );
}
