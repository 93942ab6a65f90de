// A region's townships and communities; its administrator adds a township (a county) or a
// community to a township, and gets the invite for its first staff or its secretary.
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Card, Empty, List, Typography } from 'antd';
import { useRegionClient, useRegionDirectory } from '../../state/region/useRegion';
import { useRegionAdmin } from '../../state/region/useRegionAdmin';
import { AddRegionForms } from './AddRegionForms';
import { CreatedInvite } from './CreatedInvite';

export default function CommunitiesPage() {
  const { t } = useTranslation();
  const { session } = useRegionClient();
  const directory = useRegionDirectory();
  const admin = useRegionAdmin();
  const townshipName = (id: string | null) => directory?.townships.find((x) => x.id === id)?.name ?? directory?.region.name ?? '';
  return (
    <div data-testid="communities-page">
      <Typography.Title level={2} className="lx-page-title">
        {t('region.communities.title')}
      </Typography.Title>
      {!directory ? <Alert type="info" showIcon title={t('region.notSynced')} /> : null}
      {directory ? <AddRegionForms admin={admin} county={session.role === 'county'} townships={directory.townships} /> : null}
      {admin.error ? <Alert type="error" showIcon title={admin.error} style={{ marginBottom: 12 }} data-testid="admin-error" /> : null}
      {admin.created ? <CreatedInvite created={admin.created} /> : null}
      {directory && session.role === 'county' ? (
        <Card size="small" title={t('region.table.byTownship')} style={{ marginBottom: 12 }}>
          {directory.townships.length === 0 ? <Empty /> : null}
          <List
            dataSource={directory.townships}
            rowKey="id"
            renderItem={(x) => (
              <List.Item data-testid="township-item" data-id={x.id}>
                {`${x.name} (${x.id}) · ${directory.communities.filter((c) => c.township === x.id).length}`}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {directory && directory.communities.length === 0 ? <Empty description={t('region.noCommunities')} /> : null}
      {directory && directory.communities.length > 0 ? (
        <List dataSource={directory.communities} rowKey="id" renderItem={(c) => <List.Item data-testid="community-item" data-id={c.id}>{`${c.name} · ${t('region.communities.township')} ${townshipName(c.township)}`}</List.Item>} />
      ) : null}
    </div>
  );
}
