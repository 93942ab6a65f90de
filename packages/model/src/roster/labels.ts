/** How places and people are named in messages, exports and boards. */
import type { UnitId } from '../core/ids';
import type { RosterView, Building, Unit, Household } from './rosterView';

const PLAIN_NUMBER = /^\d+[A-Za-z]?$/;

/** 58 → 58号楼; 龙泉花园3幢 stays as is. */
export function buildingLabel(b: Pick<Building, 'number' | 'name'>): string {
  if (b.name) return b.name;
  return PLAIN_NUMBER.test(b.number) ? `${b.number}号楼` : b.number;
}

export function unitLabel(u: Pick<Unit, 'number'>): string {
  return PLAIN_NUMBER.test(u.number) ? `${u.number}单元` : u.number;
}

/** 58号楼3单元301 */
export function householdLabel(roster: RosterView, h: { readonly buildingId: string; readonly unitId: string | null; readonly room: string }): string {
  const b = roster.buildings.get(h.buildingId as Household['buildingId']);
  const u = h.unitId ? roster.units.get(h.unitId as UnitId) : undefined;
  return `${b ? buildingLabel(b) : '?'}${u ? unitLabel(u) : ''}${h.room}`;
}

/** Validates a phone as typed by a committee: digits with optional +, spaces and dashes. */
export const PHONE_PATTERN = /^\+?\d[\d\s-]{4,28}\d$/;

/** Canonical form for storing: spaces removed. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\s+/g, '');
}
