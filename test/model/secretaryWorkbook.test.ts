// A workbook as a new secretary makes it by hand (test/fixtures/xlsx/secretary-workbook.xlsx, made
// by makeSecretaryWorkbook.ts with write-excel-file): the household sheet imports with one
// summarised note instead of 199, the broken row shows its own cells, and the 党员名单 sheet gives
// the 20 members their categories, duty roles and phones (issue 20, item 11).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport, previewImport, previewWorkbook, readRoster } from '@lianxin/model';
import { readXlsxSheets } from '@lianxin/model/xlsx';
import { BLANK_ROW, BROKEN_ROW, HOUSEHOLDS, makeSecretaryWorkbook, MEMBERS } from '../fixtures/xlsx/makeSecretaryWorkbook';

const file = new Uint8Array(readFileSync(new URL('../fixtures/xlsx/secretary-workbook.xlsx', import.meta.url)));
const ctx = { actor: 'sec', now: Date.UTC(2026, 11, 3) };

async function sheets() {
  const read = await readXlsxSheets(file);
  if (read.type !== 'sheets') throw new Error(read.reason);
  return read.sheets;
}

describe('a secretary’s hand-made workbook', () => {
  it('is the file the generator writes (regenerate with npx tsx test/fixtures/xlsx/makeSecretaryWorkbook.ts)', async () => {
    const fresh = await readXlsxSheets(await makeSecretaryWorkbook());
    expect(fresh).toEqual(await readXlsxSheets(file));
  });

  it('previews households and members, with repeated notes said once and the bad row’s own cells', async () => {
    const doc = new Y.Doc();
    const p = previewWorkbook(await sheets(), readRoster(doc).view);
    expect(p.ok).toBe(true);
    expect(p.sheets.map((s) => [s.name, s.use])).toEqual([
      ['住户花名册', 'households'],
      ['党员名单', 'members'],
      ['填表说明', 'skipped'],
    ]);
    expect(p.notes.map((n) => n.zh)).toEqual([
      '工作表“填表说明”未导入:它不是住户表(须有“楼号”和“户主”列),也不是党员名单(须有“姓名”和“类别”或“职责”列)',
      '“备注”列不导入:敏感信息请记在关怀记录中',
      '“党员名单”表的“性别”列名册中没有对应项,已忽略',
    ]);
    expect(p.headerRow).toBe(2);
    expect(p.counts).toEqual({ new: HOUSEHOLDS - 1, update: 0, unchanged: 0, error: 1 });
    expect(p.rows.some((r) => r.row === BLANK_ROW)).toBe(false);
    // Every 联系党员 is in the members sheet: no household carries a "will be created" note.
    expect(p.summary.map((g) => [g.level, g.count, g.rows])).toEqual([['error', 1, [BROKEN_ROW]]]);
    expect(p.creates.members).toEqual([]);
    const broken = p.rows.find((r) => r.status === 'error')!;
    expect(broken.row).toBe(BROKEN_ROW);
    expect(broken.errors.map((e) => e.zh)).toEqual([`第 ${BROKEN_ROW} 行:电话“见备注”不是有效号码`]);
    expect(broken.cells).toMatchObject({ building: '58号楼', unit: '1单元', room: '1901', head: '何玉梅', phone: '见备注' });
    expect(broken.badColumns).toEqual(['phone']);
    // ５８号楼, ３单元 and the full-width space read as the plain forms.
    expect(new Set(p.rows.filter((r) => r.data).map((r) => r.data!.building))).toEqual(new Set(['58', '59']));
    expect(p.creates).toMatchObject({ grids: ['第三网格'], buildings: ['58', '59'], units: ['58-1', '58-2', '58-3', '59-1', '59-2'] });
    expect(p.rows.find((r) => r.row === 10)!.data!.head).toBe('黄文斌'); // typed with a full-width space

    const m = p.members!;
    expect([m.sheet, m.headerRow, m.counts]).toEqual(['党员名单', 2, { new: 20, update: 0, unchanged: 0, error: 0 }]);
    expect(m.rows.map((r) => r.data!.name)).toEqual(MEMBERS.map((x) => x.name));
    expect(m.rows.slice(0, 7).map((r) => [r.data!.category, r.data!.duties])).toEqual([
      ['employed', ['policy']],
      ['retired', ['mediation', 'sanitation']],
      ['mobile', ['mediation']],
      ['selfManaged', []],
      ['retired', ['information']],
      ['employed', ['civility', 'safety']],
      ['hardship', ['emergency']],
    ]);
    expect(m.rows[0]!.data).toMatchObject({ phone: '13900000000', pledge: '每月走访联系户不少于一次' });
  });

  it('applies: 20 members with category, duties and phone, 199 households linked to them', async () => {
    const doc = new Y.Doc();
    const p = previewWorkbook(await sheets(), readRoster(doc).view);
    const r = applyImport(doc, p, ctx);
    expect(r.type === 'done' && r.value).toEqual({ created: HOUSEHOLDS - 1, updated: 0, skipped: 1, grids: 1, buildings: 2, units: 5, members: 20, membersUpdated: 0 });
    const roster = readRoster(doc).view;
    const members = [...roster.members.values()];
    expect(members).toHaveLength(20);
    const wang = members.find((x) => x.name === '王红军')!;
    expect([wang.category, wang.duties, wang.phone, wang.pledge]).toEqual(['employed', ['policy'], '13900000000', '每月走访联系户不少于一次']);
    expect(members.filter((x) => x.category === 'selfManaged')).toHaveLength(3);
    expect(members.every((x) => x.phone)).toBe(true);
    const linked = [...roster.households.values()].filter((h) => h.memberId === wang.id);
    expect(linked.length).toBe(10);
    expect([...roster.households.values()].every((h) => h.memberId)).toBe(true);
    // Importing again changes nothing.
    const again = previewWorkbook(await sheets(), roster);
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: HOUSEHOLDS - 1, error: 1 });
    expect(again.members!.counts).toEqual({ new: 0, update: 0, unchanged: 20, error: 0 });
  });

  it('without the members sheet, the 199 "will be created" notes become one line naming them', async () => {
    const [households] = await sheets();
    const p = previewImport(households!.rows, readRoster(new Y.Doc()).view);
    expect(p.rows.filter((r) => r.warnings.length).length).toBe(HOUSEHOLDS - 1);
    expect(p.summary.map((g) => [g.key, g.level, g.count])).toEqual([
      ['import.badPhone', 'error', 1],
      ['import.newMember', 'warning', HOUSEHOLDS - 1],
    ]);
    const note = p.summary[1]!.text.zh;
    expect(note).toContain('名册中没有 20 名联系党员(王红军、黄卫东、高立新、李秀兰、周建华、林红军 …)');
    expect(note).toContain('类别记为自管党员,没有电话和职责');
    expect(note).toContain(`(${HOUSEHOLDS - 1} 行:第 3–24、26–39、41–`);
  });
});
