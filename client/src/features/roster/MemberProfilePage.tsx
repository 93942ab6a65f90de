// A member's profile: who they are, the households they serve and when last visited, points.
import { useParams } from 'react-router';
import { Card, Col, Descriptions, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { VisitBadge } from '../work/VisitBadge';
import { LABELS, type MemberId } from '@lianxin/model';
import { useMyHouseholds } from '../../state/useMyHouseholds';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { usePointsLedger } from '../../state/usePointsLedger';
import { useRoster } from '../../state/useRoster';
import { useText } from '../../state/useText';
import { Loading } from '../../shell/Loading';
import { NotFound } from '../../shell/NotFound';
import { PlainItem, PlainList } from '../../shell/PlainList';

export function MemberProfilePage() {
  const { t } = useTranslation();
  const text = useText();
  const labels = usePlaceLabels();
  const { memberId } = useParams();
  const roster = useRoster()?.view ?? null;
  const member = roster && memberId ? (roster.members.get(memberId as MemberId) ?? null) : null;
  const households = useMyHouseholds(member?.id ?? null);
  const ledger = usePointsLedger(null, null);
  if (!roster) return <Loading />;
  if (!member) return <NotFound />;
  const total = ledger?.totals.get(member.id) ?? 0;
  const rank = ledger?.ranking.find((r) => r.memberId === member.id)?.rank ?? null;
  const group = member.groupId ? roster.groups.get(member.groupId) : undefined;

  return (
    <section aria-labelledby="member-title">
      <Typography.Title level={1} className="lx-page-title lx-text" id="member-title" data-testid="member-profile-name">
        {member.name}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('roster.category')}>{text(LABELS.memberCategory[member.category])}</Descriptions.Item>
              <Descriptions.Item label={t('roster.duties')}>
                {member.duties.length ? member.duties.map((d) => <Tag key={d}>{text(LABELS.dutyRole[d])}</Tag>) : t('app.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('roster.posts')}>
                {member.branchPost ? <Tag color="red">{text(LABELS.branchPost[member.branchPost])}</Tag> : null}
                {member.residentsPost ? <Tag color="blue">{text(LABELS.residentsPost[member.residentsPost])}</Tag> : null}
                {member.representative ? <Tag>{t('roster.representative')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('roster.group')}>{group?.name ?? t('app.none')}</Descriptions.Item>
              <Descriptions.Item label={t('roster.phone')}>{member.phone ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('roster.pledge')}>
                <span className="lx-text">{member.pledge ?? ''}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <Card size="small">
                <Statistic title={t('points.total')} value={total} />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small">
                <Statistic title={t('points.rank')} value={rank ?? '—'} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('roster.linkedHouseholds')}>
            {!households || households.rows.length === 0 ? (
              <Empty description={t('work.noHouseholds')} />
            ) : (
              <PlainList
                items={households.rows}
                render={(row) => (
                  <PlainItem key={row.household.id}>
                    <span className="lx-text">
                      {labels.household(roster, row.household)} · {row.household.head}
                    </span>
                    <VisitBadge row={row} />
                  </PlainItem>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
