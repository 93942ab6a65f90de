// 公开: what the public page shows, and publishing community info, boards and statistics.
import { Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import type { IsoDate } from '@lianxin/model';
import { usePublic } from '../../state/usePublic';
import { usePublishActions } from '../../state/usePublishActions';
import { useSharedRatings } from '../../state/tier/useEscalations';
import { useSession } from '../../state/useSession';
import { useToday } from '../../state/useToday';
import { Loading } from '../../shell/Loading';
import { PlainItem, PlainList } from '../../shell/PlainList';
import { useDates } from '../../state/useDates';

export function PublishPage() {
  const { t } = useTranslation();
  const { communityId } = useSession();
  const read = usePublic();
  // The township's latest rating (支部争五星) goes out with the community's info.
  const rating = useSharedRatings()?.latest ?? null;
  const actions = usePublishActions(rating);
  const today = useToday();
  const dates = useDates();
  if (!read) return <Loading />;
  const view = read.view;
  const date = (ms: number | null | undefined) => (ms ? dates.dateTime(ms) : '—');
  return (
    <section aria-labelledby="publish-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="publish-title">
          {t('nav.publish')}
        </Typography.Title>
        <Button icon={<ExportOutlined />} href={`/p/${communityId}`} target="_blank" rel="noopener" data-testid="open-public-page">
          {t('publish.openPublicPage')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('publish.intro')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('publish.community')} extra={<Button size="small" onClick={() => actions.publishCommunity()} data-testid="publish-community">{t('publish.publish')}</Button>}>
            {view.community ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('setup.communityName')}>{view.community.name}</Descriptions.Item>
                <Descriptions.Item label={t('roster.phone')}>{view.community.phone ?? '—'}</Descriptions.Item>
                {view.community.stars ? (
                  <Descriptions.Item label={t('tier.stars')}>
                    <span data-testid="published-stars">
                      {'★'.repeat(view.community.stars.stars) + '☆'.repeat(5 - view.community.stars.stars)} ({t('tier.starsValue', view.community.stars)})
                    </span>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t('publish.updatedAt')}>{date(view.community.updatedAt)}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publish.notYet')} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('roster.serviceBoards')} extra={<Button size="small" onClick={() => actions.publishBoards()} data-testid="publish-boards">{t('publish.publish')}</Button>}>
            <Typography.Text>{t('publish.boardsCount', { count: view.boards.length })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={t('publish.statistics')}
            extra={
              <Button size="small" onClick={() => actions.publishStatistics(`${today.slice(0, 4)}-01-01` as IsoDate)} data-testid="publish-statistics">
                {t('publish.publishYear')}
              </Button>
            }
          >
            {view.statistics ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('publish.asOf')}>{view.statistics.asOf}</Descriptions.Item>
                <Descriptions.Item label={t('dashboard.concerns')}>{view.statistics.concerns.collected}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publish.notYet')} />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('publish.disclosures')}>
            <PlainList
              data-testid="public-disclosures"
              items={view.disclosures}
              empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publish.noDisclosures')} />}
              render={(d) => (
                <PlainItem
                  key={d.matterId}
                  actions={[
                    <Popconfirm key="unpublish" title={t('publish.unpublishConfirm')} onConfirm={() => actions.unpublishMatter(d.matterId as never)}>
                      <Button size="small" danger>
                        {t('publish.unpublish')}
                      </Button>
                    </Popconfirm>,
                  ]}
                  title={<span className="lx-clip">{d.title}</span>}
                  description={
                    <Space wrap>
                      {d.resolution ? <Tag color="success">{t('publish.resolutionOn', { date: d.resolution.decidedOn })}</Tag> : null}
                      {d.result ? <Tag color="success">{t('publish.resultOn', { date: d.result.completedOn })}</Tag> : null}
                    </Space>
                  }
                />
              )}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
