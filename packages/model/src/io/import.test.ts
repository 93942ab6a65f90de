import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { RosterLayout } from '../roster/rosterLayout';
import { setFields } from '../core/records';
import { parseCsv, toCsv } from './csv';
import { previewImport } from './previewImport';
import { previewWorkbook } from './previewWorkbook';
import { applyImport } from './applyImport';
import { exportRosterCsv, rosterRows } from './exportRoster';
import { exportRosterXlsx } from './exportRosterXlsx';
import { readXlsxRows, writeXlsxRows } from './xlsx';

const ctx = testContext();

describe('csv', () => {
  it('parses RFC 4180: quotes, doubled quotes, embedded newlines, CRLF, BOM', () => {
    const text = '\ufeff楼号,户主,备注\r\n58,"徐, 中立","他说""好""\n第二行"\n59,王丽娜,\n';
    expect(parseCsv(text)).toEqual([
      ['楼号', '户主', '备注'],
      ['58', '徐, 中立', '他说"好"\n第二行'],
      ['59', '王丽娜', ''],
    ]);
    expect(parseCsv('a,"unclosed\nb')).toEqual([['a', 'unclosed\nb']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('writes a BOM, CRLF, quotes only where needed, and defuses formulas', () => {
    const csv = toCsv([['楼号', '户主'], ['58', '徐,中立'], ['=1+1', '+8613800000000'], ['-x', ' 空格']]);
    expect(csv).toBe('\ufeff楼号,户主\r\n58,"徐,中立"\r\n\'=1+1,+8613800000000\r\n\'-x," 空格"\r\n');
    expect(parseCsv(csv).slice(0, 2)).toEqual([['楼号', '户主'], ['58', '徐,中立']]);
  });
});

const SHEET = [
  ['刘村社区住户花名册'],
  ['网格', '楼号', '单元', '房号', '户主', '电话', '人口', '联系党员', '功能户', '公开联系方式', '居民代表', '备注'],
  ['第一网格', '58号楼', '3单元', '901', '徐中立', '13912345678', '3', '蒋全生', '中心户', '是', '否', '低保户'],
  ['第一网格', '58', '3', '902', '李秀碧', '', '2', '新党员', '', '', '是', ''],
  ['', '', '', '', '', '', '', '', '', '', '', ''],
  ['第三网格', '60', '1', '101', '张忠福', '12345', '三口', '', '商店', '也许', '', ''],
  ['', '61', '', '1', '', '', '', '', '', '', '', ''],
  ['第一网格', '58', '3', '901', '徐中立', '', '', '', '', '', '', ''],
  ['第一网格', '58', '3', '302', '新户主', '', '', '', '', '', '', ''],
];

describe('roster import', () => {
  it('previews without writing, with a per-row report naming row and problem', () => {
    const s = smallCommunity();
    const before = Y.encodeStateAsUpdate(s.roster);
    const p = previewImport(SHEET, readRoster(s.roster).view);
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);
    expect(p.ok).toBe(true);
    expect(p.headerRow).toBe(2);
    expect(p.notes.map((n) => n.key)).toEqual(['import.refusedColumn']);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'new'],
      [4, 'new'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'update'],
    ]);
    expect(p.rows[5]!.changes).toEqual(['head', 'representative', 'member']);
    expect(p.rows[0]!.data).toMatchObject({ building: '58', unit: '3', room: '901', roles: ['hub'], consent: 'nameAndPhone', member: '蒋全生', size: 3 });
    expect(p.rows[1]!.warnings[0]!.zh).toBe('第 4 行:名册中没有党员“新党员”,将新建');
    expect(p.rows[2]!.errors.map((e) => e.zh)).toEqual([
      '第 6 行:电话“12345”不是有效号码',
      '第 6 行:人口“三口”应为 0–99 的整数',
      '第 6 行:不认识功能户“商店”(可填党员户、中心户、干警户、商业户、物管户)',
      '第 6 行:公开联系方式“也许”应填 是/否/仅姓名',
    ]);
    expect(p.rows[3]!.errors.map((e) => e.zh)).toEqual(['第 7 行:缺少户主', '第 7 行:61 是新楼栋,须填写网格']);
    expect(p.rows[4]!.errors.map((e) => e.zh)).toEqual(['第 8 行:与第 3 行是同一户']);
    expect(p.counts).toEqual({ new: 2, update: 1, unchanged: 0, error: 3 });
    expect(p.creates.members).toEqual(['新党员']);
  });

  it('applies only when accepted, creating what is missing, and never imports the notes column', () => {
    const s = smallCommunity();
    const p = previewImport(SHEET, readRoster(s.roster).view);
    const r = applyImport(s.roster, p, ctx);
    expect(r.type === 'done' && r.value).toEqual({ created: 2, updated: 1, skipped: 3, grids: 0, buildings: 0, units: 0, members: 1, membersUpdated: 0 });
    const roster = readRoster(s.roster).view;
    expect(roster.households.size).toBe(14);
    const xu = [...roster.households.values()].find((h) => h.head === '徐中立')!;
    expect([xu.unitId, xu.memberId, xu.phone, xu.roles]).toEqual([s.u3, s.members.jiang, '13912345678', ['hub']]);
    expect(JSON.stringify(s.roster.toJSON())).not.toContain('低保');
    // Importing the same file again changes nothing.
    const again = previewImport(SHEET, roster);
    expect(again.counts).toMatchObject({ new: 0, update: 0, unchanged: 3 });
  });

  it('updates existing households and creates grids, buildings and units for new places', () => {
    const s = smallCommunity();
    const rows = [
      ['grid', 'building', 'unit', 'room', 'head', 'phone', 'member', 'public contact'],
      ['第一网格', '58', '3', '101', '蒋全生', '13700000000', '蒋全生', 'name'],
      ['第五网格', '88', '2', '202', '新住户', '', '', 'no'],
    ];
    const p = previewImport(rows, readRoster(s.roster).view);
    expect(p.rows.map((x) => [x.status, x.changes])).toEqual([
      ['update', ['phone', 'consent', 'member']],
      ['new', []],
    ]);
    expect(p.creates).toEqual({ grids: ['第五网格'], buildings: ['88'], units: ['88-2'], members: [] });
    const r = applyImport(s.roster, p, ctx);
    expect(r.type === 'done' && r.value).toMatchObject({ created: 1, updated: 1, grids: 1, buildings: 1, units: 1 });
    const roster = readRoster(s.roster).view;
    const home = roster.households.get(s.households[0]!)!;
    expect([home.phone, home.consent, home.memberId]).toEqual(['13700000000', 'name', s.members.jiang]);
    expect([...roster.grids.values()].map((g) => g.name)).toContain('第五网格');
  });

  it('reads full-width digits and Chinese numerals as the same building, unit and room', () => {
    const fresh = new Y.Doc();
    const rows = [
      ['网格', '楼号', '单元', '房号', '户主', '电话', '联系党员'],
      ['第一网格', '58号楼', '3单元', '101', '徐中立', '13912345678', '蒋全生'],
      ['第一网格', '５８号楼', '３单元', '１０２', '李　秀碧', '１３９１２３４５６７９', ' 蒋全生 '],
      ['第一网格', '五十八号楼', '三单元', '二〇一室', '王丽娜', '', ''],
      ['第一网格', '５８', '3', '１０１', '徐中立', '', ''],
    ];
    const p = previewImport(rows, readRoster(fresh).view);
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'error']);
    expect(p.rows[3]!.errors[0]!.zh).toBe('第 5 行:与第 2 行是同一户');
    expect(p.creates).toMatchObject({ buildings: ['58'], units: ['58-3'], members: ['蒋全生'] });
    expect(p.rows[1]!.data).toMatchObject({ building: '58', unit: '3', room: '102', head: '李秀碧', phone: '13912345679', member: '蒋全生' });
    expect(p.rows[2]!.data).toMatchObject({ building: '58', unit: '3', room: '201' });
    const r = applyImport(fresh, p, ctx);
    expect(r.type === 'done' && r.value).toMatchObject({ created: 3, buildings: 1, units: 1, members: 1 });
    const roster = readRoster(fresh).view;
    expect([...roster.buildings.values()].map((b) => b.number)).toEqual(['58']);
    expect([...roster.units.values()].map((u) => u.number)).toEqual(['3']);
  });

  it('matches rows to buildings and rooms stored before numbers were normalised', () => {
    const s = smallCommunity();
    // A roster written by an older version kept what was typed.
    setFields(s.roster, RosterLayout.buildings, s.b59, { number: '５９' });
    const p = previewImport([['楼号', '单元', '房号', '户主'], ['59号楼', '1单元', '101', '新住户'], ['５８', '３', '１０１', '蒋全生']], readRoster(s.roster).view);
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'unchanged']);
    expect(p.creates.buildings).toEqual([]);
  });

  it('says why a file cannot be imported', () => {
    const s = smallCommunity();
    const p = previewImport([['姓名', '年龄'], ['张三', '30']], readRoster(s.roster).view);
    expect(p.ok).toBe(false);
    expect(p.notes[0]!.zh).toContain('找不到表头');
    const r = applyImport(s.roster, p, ctx);
    expect(r.type).toBe('rejected');
  });

  it('round-trips through CSV: export, then import, changes nothing', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const csv = exportRosterCsv(roster);
    expect(csv.startsWith('\ufeff网格,小区,楼号,单元,房号,户主,电话,人口,联系党员,功能户,公开联系方式,居民代表\r\n')).toBe(true);
    expect(csv).toContain('第一网格,,58,3,101,蒋全生,13800000001,2,,党员户,否,否');
    const p = previewImport(parseCsv(csv), roster);
    expect(p.counts).toEqual({ new: 0, update: 0, unchanged: 12, error: 0 });
    // Into an empty roster it recreates the structure.
    const fresh = new Y.Doc();
    const r = applyImport(fresh, previewImport(parseCsv(csv), readRoster(fresh).view), ctx);
    expect(r.type === 'done' && r.value).toMatchObject({ created: 12, grids: 1, buildings: 1, units: 1, members: 2 });
    expect(rosterRows(readRoster(fresh).view)).toEqual(rosterRows(roster));
  });

  it('round-trips through a real XLSX file written by write-excel-file', async () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const bytes = await exportRosterXlsx(roster);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
    const read = await readXlsxRows(bytes);
    expect(read.type).toBe('rows');
    if (read.type !== 'rows') return;
    expect(read.sheet).toBe('花名册');
    expect(read.rows).toEqual(rosterRows(roster));
    expect(previewImport(read.rows, roster).counts.unchanged).toBe(12);
    // Numbers typed into Excel come back as the digits committees typed.
    const numeric = await readXlsxRows(await writeXlsxRows([['电话'], ['x']]));
    expect(numeric.type).toBe('rows');
    expect((await readXlsxRows(new Uint8Array([1, 2, 3]))).type).toBe('unreadable');
    expect(ok).toBeDefined();
  });
});

describe('workbook import: the members sheet and the other sheets (issue 20, item 11)', () => {
  const members = [
    ['党员名单'],
    ['序号', '姓名', '类别', '职责', '电话', '承诺'],
    ['1', '蒋全生', '退休', '调解员、宣传员', '13800000001', ''],
    ['2', '新同志', '在职党员', '', '１３９００００００００', '带头垃圾分类'],
    ['3', '', '在职', '', '', ''],
    ['4', '错类别', '党员', '扫地员', 'abc', ''],
    ['5', '新同志', '流动', '', '', ''],
  ];

  it('previews members: updates by name, creates new ones, reports each bad row with its cells', () => {
    const s = smallCommunity();
    const p = previewWorkbook([{ name: '党员名单', rows: members }], readRoster(s.roster).view);
    expect(p.ok).toBe(true);
    expect(p.notes.map((n) => n.key)).toEqual(['import.membersOnly']);
    const m = p.members!;
    expect(m.rows.map((r) => [r.row, r.status])).toEqual([[3, 'update'], [4, 'new'], [5, 'error'], [6, 'error'], [7, 'error']]);
    expect(m.rows[0]!.changes).toEqual(['category', 'duties']);
    expect(m.rows[1]!.data).toMatchObject({ category: 'employed', duties: [], phone: '13900000000', pledge: '带头垃圾分类' });
    expect(m.rows[3]!.errors.map((e) => e.zh)).toEqual([
      '“党员名单”第 6 行:类别“党员”应为 在职、离退休、流动、自管 或 困难',
      '“党员名单”第 6 行:不认识职责“扫地员”(八大员之一,如 政策法规宣传员、矛盾纠纷调解员)',
      '“党员名单”第 6 行:电话“abc”不是有效号码',
    ]);
    expect(m.rows[3]!.cells).toMatchObject({ name: '错类别', category: '党员', phone: 'abc' });
    expect(m.rows[3]!.badColumns).toEqual(['category', 'duties', 'phone']);
    expect(m.rows[4]!.errors[0]!.zh).toBe('“党员名单”第 7 行:与第 4 行是同一名党员');

    const r = applyImport(s.roster, p, ctx);
    expect(r.type === 'done' && r.value).toMatchObject({ members: 1, membersUpdated: 1, skipped: 3 });
    const roster = readRoster(s.roster).view;
    const jiang = roster.members.get(s.members.jiang)!;
    expect([jiang.category, jiang.duties, jiang.phone]).toEqual(['retired', ['mediation', 'policy'], '13800000001']);
    expect([...roster.members.values()].find((x) => x.name === '新同志')).toMatchObject({ category: 'employed', pledge: '带头垃圾分类' });
  });

  it('sets branch posts from a 支部职务 column, so 4+2 step 1 knows the branch committee (issue 20, item 6)', () => {
    const s = smallCommunity();
    const sheet = [
      ['党员名单'],
      ['姓名', '支部职务', '类别'],
      ['甲书记', '党支部书记', '在职'],
      ['乙委员', '组织委员', '在职'],
      ['丙党员', '无', '退休'],
      ['丁同志', '会计', '在职'],
    ];
    const p = previewWorkbook([{ name: '党员名单', rows: sheet }], readRoster(s.roster).view);
    const m = p.members!;
    expect(m.rows.map((r) => [r.status, r.data?.branchPost ?? null])).toEqual([['new', 'secretary'], ['new', 'member'], ['new', null], ['error', null]]);
    expect(m.rows[3]!.errors[0]!.zh).toContain('支部职务“会计”应为 书记、副书记 或 委员');
    expect(m.rows[3]!.badColumns).toEqual(['branchPost']);
    applyImport(s.roster, p, ctx);
    const posts = Object.fromEntries([...readRoster(s.roster).view.members.values()].map((x) => [x.name, x.branchPost ?? null]));
    expect(posts).toMatchObject({ 甲书记: 'secretary', 乙委员: 'member', 丙党员: null });
  });

  it('names every sheet it leaves: empty, a second household sheet, a members sheet without 姓名, anything else', () => {
    const s = smallCommunity();
    const households = [['楼号', '户主', '联系党员'], ['58', '新住户', '新同志']];
    const p = previewWorkbook(
      [
        { name: '一网格', rows: households },
        { name: 'Sheet2', rows: [['', '']] },
        { name: '二网格', rows: households },
        { name: '党员', rows: [['名字', '类别'], ['x', '在职']] },
        { name: '统计', rows: [['合计', '200']] },
        { name: '党员名单', rows: members.slice(0, 4) },
      ],
      readRoster(s.roster).view,
    );
    expect(p.sheets.map((x) => [x.name, x.use])).toEqual([
      ['一网格', 'households'],
      ['Sheet2', 'skipped'],
      ['二网格', 'skipped'],
      ['党员', 'skipped'],
      ['统计', 'skipped'],
      ['党员名单', 'members'],
    ]);
    expect(p.notes.slice(0, 4).map((n) => n.zh)).toEqual([
      '工作表“Sheet2”是空的',
      '工作表“二网格”未导入:已从“一网格”导入住户,一次只导入一张住户表,请合并后再导入',
      '工作表“党员”未导入:前 10 行中找不到“姓名”列',
      '工作表“统计”未导入:它不是住户表(须有“楼号”和“户主”列),也不是党员名单(须有“姓名”和“类别”或“职责”列)',
    ]);
    // 新同志 comes from the members sheet: no "will be created" note on the household.
    expect(p.rows[0]!.warnings).toEqual([]);
    expect(p.creates.members).toEqual([]);
  });
});
