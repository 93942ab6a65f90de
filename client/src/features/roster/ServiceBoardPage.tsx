// 服务牌: printable, one per building (or one unit), with a QR code to the public board page.
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, type PublicBoardDraft, type PublicPerson } from '@lianxin/model';
import { QrCode } from '../../shell/QrCode';
import { Loading } from '../../shell/Loading';
import { usePublic } from '../../state/usePublic';
import { usePublishActions } from '../../state/usePublishActions';
import { useServiceBoards } from '../../state/useServiceBoards';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import './serviceBoard.css';

function Person({ person, placeholder }: { person: PublicPerson | null; placeholder: string }) {
  const text = useText();
  if (!person) return <span>{placeholder}</span>;
  return (
    <span className="lx-text">
      {person.post ? <strong>{text(person.post)} </strong> : null}
      {person.name ?? placeholder}
      {person.phone ? ` · ${person.phone}` : ''}
    </span>
  );
}

function Board({ board, communityId, unitId }: { board: PublicBoardDraft; communityId: string; unitId: string | null }) {
  const { t } = useTranslation();
  const text = useText();
  const units = unitId ? board.units.filter((u) => u.unitId === unitId) : board.units;
  const url = `${window.location.origin}/p/${communityId}/board/${board.buildingId}${unitId ? `/${unitId}` : ''}`;
  return (
    <Card className="service-board" data-testid="service-board" data-building-id={board.buildingId}>
      <div className="service-board__head">
        <div>
          <Typography.Title level={2} style={{ margin: 0 }} className="lx-text">
            {t('board.title', { place: `${board.compound ? `${board.compound} ` : ''}${board.label}${units.length === 1 && units[0]?.label ? units[0].label : ''}` })}
          </Typography.Title>
          <div>
            {board.grid ? (
              <span className="lx-text">
                {board.grid.label} · <Person person={board.grid.leader} placeholder={t('board.vacant')} />
              </span>
            ) : null}
          </div>
          <div>
            {t('board.cadre')}: <Person person={board.cadre} placeholder={t('board.vacant')} />
          </div>
        </div>
        <QrCode value={url} size={120} label={t('board.qr')} />
      </div>
      {units.map((u) => (
        <section key={u.unitId ?? 'none'} className="service-board__unit">
          <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>
            {u.label || t('board.noUnit')} <Tag>{t('board.households', { count: u.householdCount })}</Tag>
          </Typography.Title>
          {u.members.length === 0 ? <Typography.Text type="secondary">{t('board.noMembers')}</Typography.Text> : null}
          <ul>
            {u.members.map((m, i) => (
              <li key={i}>
                <Person person={m} placeholder={t('board.memberPlaceholder')} /> — {t('board.serves', { count: m.households })}
              </li>
            ))}
          </ul>
          {u.functionHouseholds.length > 0 ? (
            <div>
              {u.functionHouseholds.map((f, i) => (
                <Tag key={i}>
                  {text(LABELS.householdRole[f.role])}
                  {f.name ? `: ${f.name}` : ''}
                  {f.phone ? ` ${f.phone}` : ''}
                </Tag>
              ))}
            </div>
          ) : null}
        </section>
      ))}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('board.scan')}
      </Typography.Paragraph>
    </Card>
  );
}

export function ServiceBoardPage() {
  const { t } = useTranslation();
  const { buildingId, unitId } = useParams();
  const { communityId, isCommittee } = useSession();
  const boards = useServiceBoards();
  const published = usePublic()?.view ?? null;
  const publish = usePublishActions();
  if (!boards) return <Loading />;
  const shown = buildingId ? boards.filter((b) => b.buildingId === buildingId) : boards;
  const publishedIds = new Set(published?.boards.map((b) => b.buildingId) ?? []);
  const unpublished = shown.filter((b) => !publishedIds.has(b.buildingId)).length;
  return (
    <section aria-labelledby="boards-title">
      <Space wrap className="no-print" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="boards-title">
          {t('roster.serviceBoards')}
        </Typography.Title>
        <Space wrap>
          <Link to={`/c/${communityId}/roster`}>{t('app.back')}</Link>
          {isCommittee ? (
            <Button onClick={() => publish.publishBoards()} data-testid="publish-boards">
              {t('board.publish')}
            </Button>
          ) : null}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('app.print')}
          </Button>
        </Space>
      </Space>
      {unpublished > 0 ? <Alert className="no-print" type="info" showIcon title={t('board.notPublished', { count: unpublished })} style={{ marginBottom: 12 }} /> : null}
      {shown.length === 0 ? <Empty description={t('board.none')} /> : null}
      <div className="service-boards">
        {shown.map((b) => (
          <Board key={b.buildingId} board={b} communityId={communityId} unitId={unitId ?? null} />
        ))}
      </div>
    </section>
  );
}
