import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import type { ConcernId, HouseholdId, MemberId, MustVisitId, VisitId } from '../core/ids';
import { fastVisit } from '../core/fastGuards';
import { danglingRef, type Problem } from '../core/problem';
import { readEntries } from '../core/readEntries';
import { readRecords } from '../core/records';
import { isPlainObject, topMap } from '../core/ydoc';
import { foldConcern } from './concernFold';
import { ConcernEventSchema, ConcernSchema, MustVisitSchema, VisitSchema, WorkLayout, type ConcernEventRecord } from './workSchema';
import type { Concern, MustVisit, Visit, WorkView } from './workView';

export interface WorkRead {
  readonly view: WorkView;
  readonly problems: Problem[];
}

const W = DocKind.work;

/**
 * Reads `work`. Never throws. Member and household ids are not checked against the roster here
 * (another document, which a member may hold in an older state); computations that join the two
 * skip ids the roster does not know.
 */
export function readWork(doc: Y.Doc): WorkRead {
  return readWorkParts(doc, null);
}

/**
 * The visits and must-visits of some households only (a member's ten): stored entries of other
 * households are skipped before they are parsed or validated, so the read costs what it returns,
 * not a year of the community's visits. Concerns are not read (empty). Never throws.
 */
export function readHouseholdsWork(doc: Y.Doc, householdIds: ReadonlySet<string>): WorkRead {
  return readWorkParts(doc, householdIds);
}

function readWorkParts(doc: Y.Doc, only: ReadonlySet<string> | null): WorkRead {
  const problems: Problem[] = [];
  const keep = only ? (raw: unknown) => isPlainObject(raw) && typeof raw.householdId === 'string' && only.has(raw.householdId) : undefined;
  const concerns = new Map<ConcernId, Concern>();
  if (!only) readConcerns(doc, problems, concerns);

  const visits = new Map<VisitId, Visit>();
  const visitsByHousehold = new Map<HouseholdId, Visit[]>();
  for (const [id, v] of readEntries(topMap(doc, W, WorkLayout.visits, problems), W, WorkLayout.visits, VisitSchema, problems, undefined, fastVisit, keep)) {
    const visit: Visit = { ...v, id: id as VisitId, memberId: v.memberId as MemberId, householdId: v.householdId as HouseholdId };
    visits.set(visit.id, visit);
    let list = visitsByHousehold.get(visit.householdId);
    if (!list) {
      list = [];
      visitsByHousehold.set(visit.householdId, list);
    }
    list.push(visit);
  }
  for (const list of visitsByHousehold.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.at - a.at));

  const mustVisits = new Map<MustVisitId, MustVisit>();
  for (const [id, m] of readEntries(topMap(doc, W, WorkLayout.mustVisits, problems), W, WorkLayout.mustVisits, MustVisitSchema, problems, undefined, undefined, keep)) {
    const householdId = m.householdId as HouseholdId;
    // Closed by the earliest matching visit on or after the event's day.
    const matching = (visitsByHousehold.get(householdId) ?? []).filter((v) => v.kind === m.reason && v.date >= m.date);
    const closer = matching[matching.length - 1] ?? null;
    mustVisits.set(id as MustVisitId, { ...m, id: id as MustVisitId, householdId, closedBy: closer ? closer.id : null });
  }

  return { view: { concerns, visits, mustVisits, visitsByHousehold }, problems };
}

/** Every concern with its history folded in, into `concerns`. */
function readConcerns(doc: Y.Doc, problems: Problem[], concerns: Map<ConcernId, Concern>): void {
  const records = readRecords(doc, W, WorkLayout.concerns, ConcernSchema, problems);
  const known = new Set(records.map(([id]) => id));
  const eventsByConcern = new Map<string, Array<ConcernEventRecord & { id: string }>>();
  for (const [id, e] of readEntries(topMap(doc, W, WorkLayout.concernEvents, problems), W, WorkLayout.concernEvents, ConcernEventSchema, problems)) {
    if (!known.has(e.concernId)) {
      problems.push(danglingRef(W, `${WorkLayout.concernEvents}/${id}`, 'concernId', e.concernId));
      continue;
    }
    const list = eventsByConcern.get(e.concernId) ?? [];
    list.push({ ...e, id });
    eventsByConcern.set(e.concernId, list);
  }
  for (const [id, record] of records) concerns.set(id as ConcernId, foldConcern(id as ConcernId, record, eventsByConcern.get(id) ?? [], problems));
}
