/**
 * Row messages said once: 199 rows each noting "名册中没有党员…将新建" bury the one error, so the
 * preview groups row messages by kind, with a count and the rows they concern (第 3–24、26–202 行).
 */
import { message, type Message } from '../core/text';

export interface ImportNoteGroup {
  readonly key: string;
  readonly level: 'error' | 'warning';
  readonly count: number;
  /** Spreadsheet row numbers, ascending. */
  readonly rows: readonly number[];
  readonly text: Message;
}

interface RowMessages {
  readonly row: number;
  readonly errors: readonly Message[];
  readonly warnings: readonly Message[];
}

/** 3,4,5,7 → "3–5、7"; long lists end with "…". */
export function rowRanges(rows: readonly number[], max = 8): string {
  const ranges: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    ranges.push(i === j ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    i = j;
  }
  return ranges.length > max ? `${ranges.slice(0, max).join('、')}…` : ranges.join('、');
}

const withoutRow = (text: string) => text.replace(/^第 \d+ 行:/, '').replace(/^Row \d+: /, '');

function groupText(key: string, items: ReadonlyArray<{ row: number; m: Message }>): Message {
  const rows = items.map((x) => x.row);
  const where = rowRanges(rows);
  const n = rows.length;
  if (key === 'import.newMember') {
    const names = [...new Set(items.map((x) => String(x.m.params.name)))];
    const shown = names.slice(0, 6).join('、') + (names.length > 6 ? ' …' : '');
    return message(
      'import.newMembers',
      { names: names.length, rows: n, where },
      `名册中没有 ${names.length} 名联系党员(${shown}),将只按姓名新建:类别记为自管党员,没有电话和职责;可在“党员名单”表中写明(${n} 行:第 ${where} 行)`,
      `${names.length} linked members are not in the roster (${shown}) and will be created by name only: self-managed, no phone or duties; a “党员名单” sheet can give them (${n} rows: ${where})`,
    );
  }
  const first = items[0]!.m;
  return n === 1
    ? first
    : message(
        `${key}.many`,
        { rows: n, where },
        `${withoutRow(first.zh)} 等 ${n} 行(第 ${where} 行)`,
        `${withoutRow(first.en)} and ${n - 1} more rows (${where})`,
      );
}

/** Groups each row's errors and warnings by message key, in order of first appearance. */
export function summarizeRows(rows: readonly RowMessages[]): ImportNoteGroup[] {
  const groups = new Map<string, { level: 'error' | 'warning'; items: Array<{ row: number; m: Message }> }>();
  for (const r of rows) {
    for (const [level, list] of [['error', r.errors], ['warning', r.warnings]] as const) {
      for (const m of list) {
        const id = `${level}\u0000${m.key}`;
        const g = groups.get(id) ?? { level, items: [] };
        g.items.push({ row: r.row, m });
        groups.set(id, g);
      }
    }
  }
  return [...groups.entries()]
    .map(([id, g]) => {
      const key = id.split('\u0000')[1]!;
      const sorted = [...g.items].sort((a, b) => a.row - b.row);
      return { key, level: g.level, count: sorted.length, rows: sorted.map((x) => x.row), text: groupText(key, sorted) };
    })
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}
