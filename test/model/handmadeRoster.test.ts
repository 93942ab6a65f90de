// A hand-assembled XLSX (test/fixtures/xlsx/roster-handmade.xlsx, see makeHandmadeXlsx.ts for its
// XML) read by the model's XLSX reader and imported: numbers stored as numbers, a title row, a
// merged cell, a refused notes column and a broken row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport, previewImport, readRoster } from '@lianxin/model';
import { readXlsxRows } from '@lianxin/model/xlsx';

const file = readFileSync(new URL('../fixtures/xlsx/roster-handmade.xlsx', import.meta.url));

describe('hand-made XLSX roster', () => {
  it('reads cells as the committee typed them', async () => {
    const read = await readXlsxRows(new Uint8Array(file));
    expect(read.type).toBe('rows');
    if (read.type !== 'rows') return;
    expect(read.sheet).toBe('住户');
    const pad = (row: string[]) => [...row, ...Array(12 - row.length).fill('')];
    expect(read.rows.map((r) => pad(r))).toEqual([
      pad(['刘村社区住户花名册']),
      ['网格', '楼号', '单元', '房号', '户主', '联系电话', '人口', '联系党员', '功能户', '公开联系方式', '居民代表', '备注'],
      ['第一网格', '58', '3', '301', '徐中立', '13812345678', '3', '蒋全生', '中心户、党员户', '是', '否', ''],
      ['第一网格', '58号楼', '3单元', '302', '李秀碧', '0371-6789 1234', '2', '', '', '否', '是', ''],
      ['第二网格', '59', '1', '101', '张忠福', '13912345678', '1', '', '', '', '', '子女在外地'],
      ['第二网格', '59', '1', '102', '', 'abc', '', '', '', '', '', ''],
    ]);
  });

  it('imports into an empty roster with a report of the broken row', async () => {
    const read = await readXlsxRows(new Uint8Array(file));
    if (read.type !== 'rows') throw new Error('unreadable');
    const doc = new Y.Doc();
    const preview = previewImport(read.rows, readRoster(doc).view);
    expect(preview.headerRow).toBe(2);
    expect(preview.notes.map((n) => n.zh)).toEqual(['“备注”列不导入:敏感信息请记在关怀记录中']);
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([[3, 'new'], [4, 'new'], [5, 'new'], [6, 'error']]);
    expect(preview.rows[3]!.errors.map((e) => e.zh)).toEqual(['第 6 行:缺少户主', '第 6 行:电话“abc”不是有效号码']);
    const result = applyImport(doc, preview, { actor: 'sec', now: Date.UTC(2024, 2, 1) });
    expect(result.type === 'done' && result.value).toEqual({ created: 3, updated: 0, skipped: 1, grids: 2, buildings: 2, units: 2, members: 1, membersUpdated: 0 });
    const roster = readRoster(doc).view;
    const heads = [...roster.households.values()].map((h) => [h.head, h.phone, h.size, h.roles, h.consent, h.representative]).sort();
    expect(heads).toEqual([
      ['张忠福', '13912345678', 1, [], 'none', false],
      ['徐中立', '13812345678', 3, ['hub', 'member'], 'nameAndPhone', false],
      ['李秀碧', '0371-67891234', 2, [], 'none', true],
    ]);
    expect(JSON.stringify(doc.toJSON())).not.toContain('子女在外地');
  });
});
