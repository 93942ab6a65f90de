/**
 * Import, step 2: writes an accepted preview in one transaction. Names are resolved against the
 * roster as it is now (someone may have added the building meanwhile), so nothing is duplicated.
 * Rows with errors are skipped; they were listed in the preview.
 */
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import type { BuildingId, GridId, MemberId, UnitId } from '../core/ids';
import { createRecord, setFields } from '../core/records';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { message, type Message } from '../core/text';
import { buildingNumber, foldWidth, normalizePersonName, normalizePlaceNumber, unitNumber } from '../core/placeText';
import { readRoster } from '../roster/readRoster';
import { RosterLayout } from '../roster/rosterLayout';
import { capacityOf, overCapacityWarning } from '../roster/householdCommands';
import { MemberSchema } from '../roster/rosterSchema';
import type { ImportPreview } from './previewImport';

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly grids: number;
  readonly buildings: number;
  readonly units: number;
  /** Members created, from the members sheet or by name from the households' 联系党员. */
  readonly members: number;
  /** Existing members the members sheet changed. */
  readonly membersUpdated: number;
}

const L = RosterLayout;

export function applyImport(doc: Y.Doc, preview: ImportPreview, context: CommandContext): CommandResult<ImportSummary> {
  const ctx = resolveContext(context);
  if (!preview.ok) return rejected(RejectCode.invalidInput, message('import.notImportable', {}, '该文件无法导入,请查看预览中的说明', 'This file cannot be imported; see the notes in the preview'));
  const roster = readRoster(doc).view;
  const grids = new Map<string, GridId>();
  // Keys as previewImport spells them, so a roster stored before normalisation (５８) still matches.
  for (const g of roster.grids.values()) if (!grids.has(foldWidth(g.name))) grids.set(foldWidth(g.name), g.id);
  const buildings = new Map<string, BuildingId>();
  for (const b of roster.buildings.values()) buildings.set(`${b.compound ? normalizePlaceNumber(b.compound) : ''}\u0000${buildingNumber(b.number)}`, b.id);
  const units = new Map<string, UnitId>();
  for (const u of roster.units.values()) units.set(`${u.buildingId}\u0000${unitNumber(u.number)}`, u.id);
  const members = new Map<string, MemberId | null>();
  for (const m of roster.members.values()) {
    const name = normalizePersonName(m.name);
    if (m.active) members.set(name, members.has(name) ? null : m.id);
  }
  const load = new Map<MemberId, number>();
  for (const h of roster.households.values()) if (h.memberId) load.set(h.memberId, (load.get(h.memberId) ?? 0) + 1);
  const summary = { created: 0, updated: 0, skipped: 0, grids: 0, buildings: 0, units: 0, members: 0, membersUpdated: 0 };
  let gridOrder = roster.grids.size;

  doc.transact(() => {
    const meta = doc.getMap(L.meta);
    if (meta.get('schema') === undefined) meta.set('schema', 1);
    // Members first, so households naming them link to the member with category, phone and duties.
    for (const row of preview.members?.rows ?? []) {
      const d = row.data;
      if (!d) {
        summary.skipped++;
        continue;
      }
      const fields = { category: d.category, duties: d.duties, branchPost: d.branchPost, phone: d.phone, pledge: d.pledge, consent: d.consent };
      if (row.status === 'new' && !members.has(d.name)) {
        const id = ctx.newId() as MemberId;
        const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
        createRecord(doc, L.members, id, MemberSchema.parse({ name: d.name, ...set, createdAt: ctx.now }));
        members.set(d.name, id);
        summary.members++;
      } else if (row.status === 'update' && row.memberId && members.get(d.name) === row.memberId) {
        setFields(doc, L.members, row.memberId, Object.fromEntries(row.changes.map((f) => [f, fields[f as keyof typeof fields]])));
        summary.membersUpdated++;
      }
    }
    for (const row of preview.rows) {
      const d = row.data;
      if ((row.status !== 'new' && row.status !== 'update') || !d) {
        if (row.status === 'error') summary.skipped++;
        continue;
      }
      const bKey = `${d.compound ?? ''}\u0000${d.building}`;
      let buildingId = buildings.get(bKey);
      if (!buildingId) {
        let gridId = d.grid ? grids.get(d.grid) : undefined;
        if (!gridId) {
          if (!d.grid) {
            summary.skipped++;
            continue;
          }
          gridId = ctx.newId() as GridId;
          createRecord(doc, L.grids, gridId, { name: d.grid, leaderId: null, order: gridOrder++ });
          grids.set(d.grid, gridId);
          summary.grids++;
        }
        buildingId = ctx.newId() as BuildingId;
        createRecord(doc, L.buildings, buildingId, { gridId, number: d.building, name: null, compound: d.compound, cadreId: null });
        buildings.set(bKey, buildingId);
        summary.buildings++;
      }
      let unitId: UnitId | null = null;
      if (d.unit) {
        unitId = units.get(`${buildingId}\u0000${d.unit}`) ?? null;
        if (!unitId) {
          unitId = ctx.newId() as UnitId;
          createRecord(doc, L.units, unitId, { buildingId, number: d.unit });
          units.set(`${buildingId}\u0000${d.unit}`, unitId);
          summary.units++;
        }
      }
      let memberId: MemberId | null = null;
      if (d.member) {
        if (!members.has(d.member)) {
          memberId = ctx.newId() as MemberId;
          createRecord(doc, L.members, memberId, { name: d.member, createdAt: ctx.now });
          members.set(d.member, memberId);
          summary.members++;
        } else memberId = members.get(d.member) ?? null;
      }
      if (row.status === 'new') {
        createRecord(doc, L.households, ctx.newId(), {
          buildingId, unitId, room: d.room, head: d.head, phone: d.phone, size: d.size ?? 1, roles: d.roles, memberId, linkedAt: memberId ? ctx.now : null, representative: d.representative, consent: d.consent, createdAt: ctx.now,
        });
        summary.created++;
        if (memberId) load.set(memberId, (load.get(memberId) ?? 0) + 1);
      } else if (row.householdId && doc.getMap(L.households).has(row.householdId)) {
        const patch: Record<string, unknown> = {};
        for (const field of row.changes) {
          if (field === 'member') {
            patch.memberId = memberId;
            patch.linkedAt = memberId ? ctx.now : null;
            if (memberId) load.set(memberId, (load.get(memberId) ?? 0) + 1);
          } else if (field === 'size') patch.size = d.size ?? 1;
          else patch[field] = d[field as 'head' | 'phone' | 'roles' | 'consent' | 'representative'];
        }
        setFields(doc, L.households, row.householdId, patch);
        summary.updated++;
      } else summary.skipped++;
    }
  }, ctx.origin);

  const warnings: Message[] = [];
  const after = readRoster(doc).view;
  for (const [id, n] of load) {
    const m = after.members.get(id);
    if (m && n > capacityOf(after, m)) warnings.push(overCapacityWarning(m, n, capacityOf(after, m)));
  }
  return done(
    summary,
    message(
      'import.applied',
      { ...summary },
      `已导入:新增 ${summary.created} 户,更新 ${summary.updated} 户,新建党员 ${summary.members} 名,更新党员 ${summary.membersUpdated} 名,跳过 ${summary.skipped} 行`,
      `Imported: ${summary.created} households added, ${summary.updated} updated, ${summary.members} members added, ${summary.membersUpdated} updated, ${summary.skipped} rows skipped`,
    ),
    [],
    warnings,
  );
}
