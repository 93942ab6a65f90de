// 支部争五星. A township edits its star criteria (data in its region document; the defaults until
// it does), sees each branch's evidence from its summary and rates it per year with notes. A
// county sees its townships' ratings (their region documents, read-only).
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Card, Empty, Select, Space, Typography } from 'antd';
import { useRegionClient, useRegionDirectory, useRegionToday } from '../../state/region/useRegion';
import { useTownshipRegions } from '../../state/region/useTownshipRegions';
import { ratingKey } from '@lianxin/model';
import { BranchCard } from './BranchCard';
import { ScrollRegion } from './ScrollRegion';
import { CriteriaEditor } from './CriteriaEditor';
import { useStars } from '../../state/region/useStars';

export default function StarsPage() {
  const { t } = useTranslation();
  const { session } = useRegionClient();
  const today = useRegionToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  return (
    <div data-testid="stars-page">
      <Typography.Title level={2} className="lx-page-title">
        {t('region.stars.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{session.role === 'township' ? t('region.stars.intro') : t('region.stars.countyIntro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="stars-year">{t('region.stars.year')}</label>
        <Select id="stars-year" data-testid="stars-year" value={year} onChange={setYear} style={{ width: 100 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))} />
      </Space>
      {session.role === 'township' ? <TownshipStars year={year} /> : <CountyStars year={year} />}
    </div>
  );
}

function TownshipStars({ year }: { year: number }) {
  const { t } = useTranslation();
  const directory = useRegionDirectory();
  const { criteria, defaults, branches } = useStars(year);
  return (
    <>
      <CriteriaEditor criteria={criteria} defaults={defaults} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('region.stars.branches')}
      </Typography.Title>
      {!directory ? <Alert type="info" showIcon title={t('region.notSynced')} /> : null}
      {directory && branches.length === 0 ? <Empty description={t('region.noCommunities')} /> : null}
      {branches.map((b) => (
        <BranchCard key={b.communityId} branch={b} year={year} />
      ))}
    </>
  );
}

const cell = { textAlign: 'start' as const, padding: '6px 8px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top' as const };

function CountyStars({ year }: { year: number }) {
  const { t } = useTranslation();
  const directory = useRegionDirectory();
  const regions = useTownshipRegions();
  if (!directory) return <Alert type="info" showIcon title={t('region.notSynced')} />;
  return (
    <>
      {directory.townships.map((township) => {
        const view = regions.get(township.id);
        const rows = directory.communities
          .filter((c) => c.township === township.id)
          .map((c) => ({ id: c.id, name: c.name, rating: view?.ratings.get(ratingKey(c.id, year)) ?? null }));
        return (
          <Card key={township.id} size="small" title={township.name} style={{ marginBottom: 12 }} data-testid="county-stars-township" data-township={township.id}>
            {!view ? <Typography.Paragraph type="secondary">{t('region.stars.notLoaded')}</Typography.Paragraph> : null}
            {view && rows.every((r) => !r.rating) ? <Typography.Paragraph type="secondary">{t('region.stars.noRatings')}</Typography.Paragraph> : null}
            {rows.length > 0 ? (
              // A plain table (no Ant Design Table): this page is light for the township's phones too.
              <ScrollRegion label={township.name}>
                <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th scope="col" style={cell}>{t('region.table.community')}</th>
                      <th scope="col" style={cell}>{t('region.stars.starsLabel')}</th>
                      <th scope="col" style={cell}>{t('region.stars.notes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>{r.name}</th>
                        <td style={cell}>
                          <span data-testid="county-rating" data-community={r.id}>
                            {r.rating ? t('region.stars.rating', { count: r.rating.stars }) : t('region.stars.notRated')}
                          </span>
                        </td>
                        <td style={cell} className="lx-text">
                          {r.rating ? `${r.rating.notes ? `${r.rating.notes} · ` : ''}${t('region.stars.ratedBy', { name: r.rating.by })}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : null}
          </Card>
        );
      })}
    </>
  );
}
