// The township desk's rows of one community, kept beside that community's `escalations` on the
// desk's device (`RegionSession.writeKeptView`, as "my households" keeps its rows beside `work`):
// a warm open lists them at once — filters working — while the documents load, and each
// community's rows are replaced by its live ones once its document is in. Times are kept as
// times and deadlines as dates: "waited" and 督办 are counted from today (the township's day)
// when shown, so rows kept yesterday are still right today.
import * as z from 'zod/mini';
import { AssigneeSchema, CaseState, MAX, isIsoDate, type CaseAssignee, type EscalatedCase, type EscalationsView, type IsoDate } from '@lianxin/model';

/** Kept per format (the rows hold no words of the interface: one key for every language). */
export const DESK_VIEW_KEY = 'desk-rows-v1';
/** More rows than a community's desk could list: a kept value past it is not this app's. */
export const DESK_VIEW_MAX_ROWS = 1000;

/** One case as the desk lists it, from the document or from the kept rows. */
export interface DeskRow {
  readonly id: string;
  readonly title: string;
  readonly state: CaseState;
  /** '' when the community gave none */
  readonly place: string;
  readonly category: string | null;
  readonly escalatedAt: number;
  /** the assignment in force (交办) and its deadline */
  readonly assignment: { readonly to: CaseAssignee; readonly deadline: IsoDate } | null;
}

export function deskRowOf(c: EscalatedCase): DeskRow {
  return {
    id: c.id,
    title: c.title,
    state: c.state,
    place: c.place,
    category: c.category ?? null,
    escalatedAt: c.escalatedAt,
    assignment: c.assignment ? { to: c.assignment.to, deadline: c.assignment.deadline } : null,
  };
}

/** What is kept of a community's escalations: its rows, in no particular order (the desk sorts). */
export function projectDeskView(view: EscalationsView): readonly DeskRow[] {
  return [...view.cases.values()].map(deskRowOf);
}

const RowSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.minLength(1), z.maxLength(MAX.title)),
  state: z.enum(Object.values(CaseState) as [CaseState, ...CaseState[]]),
  place: z.string().check(z.maxLength(MAX.label)),
  category: z.nullable(z.string().check(z.maxLength(MAX.label))),
  escalatedAt: z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15)),
  assignment: z.nullable(z.object({ to: AssigneeSchema, deadline: z.string().check(z.refine(isIsoDate)) })),
});
const ViewSchema = z.array(RowSchema).check(z.maxLength(DESK_VIEW_MAX_ROWS));

/**
 * The kept rows, or null when there are none or they are not this format. Untrusted (any tab of
 * the origin could have written them): the whole value is refused if any of it is off, and the
 * desk then waits for the document.
 */
export function parseDeskView(value: unknown): readonly DeskRow[] | null {
  const parsed = ViewSchema.safeParse(value);
  return parsed.success ? (parsed.data as readonly DeskRow[]) : null;
}
