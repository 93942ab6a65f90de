// A region's communities (the county's first page until its table arrives).
import { useTranslation } from 'react-i18next';
import { Alert, Empty, List, Typography } from 'antd';
import { useRegionDirectory } from '../../state/region/useRegion';

export default function CommunitiesPage() {
  const { t } = useTranslation();
  const directory = useRegionDirectory();
  const townshipName = (id: string | null) => directory?.townships.find((x) => x.id === id)?.name ?? directory?.region.name ?? '';
  return (
    <div data-testid="communities-page">
      <Typography.Title level={2} className="lx-page-title">
        {t('region.communities.title')}
      </Typography.Title>
      {!directory ? <Alert type="info" showIcon title={t('region.notSynced')} /> : null}
      {directory && directory.communities.length === 0 ? <Empty description={t('region.noCommunities')} /> : null}
      {directory && directory.communities.length > 0 ? (
        <List dataSource={directory.communities} rowKey="id" renderItem={(c) => <List.Item>{`${c.name} · ${t('region.communities.township')} ${townshipName(c.township)}`}</List.Item>} />
      ) : null}
    </div>
  );
}
