/** @jsxImportSource hono/jsx */
import { LABELS, LEVELS, type PublicStatistics } from '@lianxin/model';
import { DICTIONARY, pick, type Lang } from './dictionary';
import { percent } from './display';

function StatTable({ caption, rows }: { caption: string; rows: readonly (readonly [string, string])[] }) {
  return (
    <table class="stats">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 民情 counts, 三率, where concerns were resolved, and visit coverage. */
export function StatisticsSection({ statistics, lang }: { statistics: PublicStatistics | null; lang: Lang }) {
  const t = DICTIONARY[lang];
  const rate = (r: number | null): string => percent(r) ?? t.notApplicable;
  return (
    <section class="card" id="statistics" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t.sectionStatistics}</h2>
      {statistics === null ? (
        <p class="muted">{t.noStatistics}</p>
      ) : (
        <>
          <p class="muted">{t.period(statistics.from, statistics.asOf)}</p>
          <StatTable
            caption={t.rates}
            rows={[
              [t.responseRate, rate(statistics.rates.response)],
              [t.resolutionRate, rate(statistics.rates.resolution)],
              [t.satisfactionRate, rate(statistics.rates.satisfaction)],
            ]}
          />
          <StatTable
            caption={t.concerns}
            rows={[
              [t.collected, String(statistics.concerns.collected)],
              [t.responded, String(statistics.concerns.responded)],
              [t.resolved, String(statistics.concerns.resolved)],
              [t.confirmed, String(statistics.concerns.confirmed)],
              [t.satisfied, String(statistics.concerns.satisfied)],
              [t.medianDays, statistics.medianDaysToResolve === null ? t.notApplicable : t.days(Math.round(statistics.medianDaysToResolve * 10) / 10)],
            ]}
          />
          <StatTable caption={t.resolvedByLevel} rows={LEVELS.map((level) => [pick(LABELS.level[level], lang), String(statistics.concerns.resolvedByLevel[level])] as const)} />
          <StatTable
            caption={t.visits}
            rows={[
              [t.rosterHouseholds, String(statistics.roster.households)],
              [t.rosterMembers, String(statistics.roster.members)],
              [t.linkedHouseholds, String(statistics.visits.linkedHouseholds)],
              [t.visitedWithin(statistics.visits.intervalDays), String(statistics.visits.visitedWithinInterval)],
              [t.coverage, rate(statistics.visits.coverage)],
            ]}
          />
        </>
      )}
    </section>
  );
}
