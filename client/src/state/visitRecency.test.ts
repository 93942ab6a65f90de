import { describe, expect, it } from 'vitest';
import { visitRecency, VISIT_TONE_STATUS } from './visitRecency';
import { zhCN } from '../i18n/zhCN';

describe('visitRecency (issue 20, item 12)', () => {
  it('says 今天 and 昨天, not "0 天前" and "1 天前"', () => {
    expect(visitRecency({ lastVisit: '2026-12-03', daysSince: 0, overdue: false }).key).toBe('visitedToday');
    expect(visitRecency({ lastVisit: '2026-12-02', daysSince: 1, overdue: false }).key).toBe('visitedYesterday');
    expect(visitRecency({ lastVisit: '2026-11-30', daysSince: 3, overdue: false })).toEqual({ tone: 'recent', key: 'visitedDaysAgo', count: 3 });
    expect([zhCN.work.visitedToday, zhCN.work.visitedYesterday]).toEqual(['今天走访', '昨天走访']);
  });

  it('never shows a household that was never visited in the green of a recent visit', () => {
    const never = visitRecency({ lastVisit: null, daysSince: 2, overdue: false });
    expect(never.tone).toBe('never');
    expect(VISIT_TONE_STATUS[never.tone]).not.toBe('success');
    expect(visitRecency({ lastVisit: null, daysSince: 40, overdue: true }).tone).toBe('overdue');
  });
});
