import { Alert, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { usePeople } from '../../state/usePeople';
import { useSession } from '../../state/useSession';
import type { TokenListing } from '../../state/relayApi';
import { useDates } from '../../state/useDates';

/** Who holds a token of this community; the secretary revokes a lost phone here. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const dates = useDates();
  const { account } = useSession();
  const { people, error, revoke, reload } = usePeople();
  return (
    <Card size="small" title={t('settings.people')} extra={<Button size="small" onClick={() => void reload()}>{t('app.retry')}</Button>}>
      {error ? <Alert type="warning" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Table<TokenListing>
        size="small"
        rowKey="tokenId"
        loading={people === null && !error}
        dataSource={people ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 520 }}
        columns={[
          { title: t('settings.name'), dataIndex: 'name', render: (n: string) => <span className="lx-clip" style={{ maxWidth: 160 }}>{n}</span> },
          { title: t('settings.role'), dataIndex: 'role', width: 90, render: (r: string) => t(`role.${r}`) },
          { title: t('settings.issued'), dataIndex: 'createdAt', width: 110, render: (d: string | null) => (d ? dates.day(d) : '') },
          {
            title: '',
            key: 'revoke',
            width: 110,
            render: (_: unknown, p) =>
              p.revokedAt ? (
                <Tag>{t('settings.revoked')}</Tag>
              ) : p.tokenId === account.tokenId ? (
                <Tag color="blue">{t('account.current')}</Tag>
              ) : (
                <Popconfirm title={t('settings.revokeConfirm', { name: p.name })} onConfirm={() => void revoke(p.tokenId)}>
                  <Button size="small" danger>
                    {t('settings.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
