/**
 * The minimal reference page (the floor): plain Yjs + y-indexeddb, no framework, no schema. It
 * loads the documents the app's route reads from the same y-indexeddb databases as the baseline
 * and renders a plain list with a plain input that filters it.
 * - `?route=my&member=<id>`: the roster and work documents; the member's households with the
 *   date of the last visit.
 * - `?route=roster`: the roster document; the first 50 households.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

performance.mark('bench:code');
const params = new URLSearchParams(location.search);
const route = params.get('route') === 'my' ? 'my' : 'roster';
const member = params.get('member') ?? '';
const community = params.get('community') ?? 'longhai';

type Fields = Record<string, unknown>;

/** A collection's records: the base value per id, with the overlay `edits/<name>` (`<id>/<field>`) applied. */
function records(doc: Y.Doc, name: string): Map<string, Fields> {
  const out = new Map<string, Fields>();
  doc.getMap<Fields>(name).forEach((value, id) => out.set(id, value));
  doc.getMap<unknown>(`edits/${name}`).forEach((value, key) => {
    const slash = key.indexOf('/');
    const id = key.slice(0, slash);
    const base = out.get(id);
    if (base) out.set(id, { ...base, [key.slice(slash + 1)]: value });
  });
  return out;
}

async function load(kind: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await new IndexeddbPersistence(`bench-idb/${community}/${kind}`, doc).whenSynced;
  return doc;
}

interface Row {
  readonly id: string;
  readonly text: string;
}

function show(rows: readonly Row[], testId: string): void {
  const root = document.getElementById('root')!;
  const input = document.createElement('input');
  input.type = 'search';
  input.placeholder = '搜索';
  input.dataset.testid = 'ref-search';
  const list = document.createElement('ul');
  list.dataset.testid = 'ref-list';
  const draw = () => {
    const q = input.value.trim();
    const shown = (q ? rows.filter((r) => r.text.includes(q)) : rows).slice(0, 50);
    list.replaceChildren(
      ...shown.map((r) => {
        const li = document.createElement('li');
        li.dataset.testid = testId;
        li.textContent = r.text;
        return li;
      }),
    );
  };
  input.addEventListener('input', draw);
  draw();
  root.replaceChildren(input, list);
}

async function main(): Promise<void> {
  const [roster, work] = await Promise.all([load('roster'), route === 'my' ? load('work') : null]);
  performance.mark('bench:docs');
  const households = records(roster, 'households');
  const buildings = records(roster, 'buildings');
  const building = (id: unknown) => buildings.get(id as string);
  const label = (h: Fields) => `${String(building(h.buildingId)?.name ?? `${String(building(h.buildingId)?.number ?? '')}号楼`)} ${String(h.room)} · ${String(h.head)}`;
  if (route === 'my' && work) {
    const last = new Map<string, string>();
    for (const v of records(work, 'visits').values()) {
      const at = last.get(v.householdId as string);
      if (at === undefined || (v.date as string) > at) last.set(v.householdId as string, v.date as string);
    }
    const mine = [...households].filter(([, h]) => h.memberId === member);
    const rows = mine.map(([id, h]) => ({ id, text: `${label(h)} · 上次走访 ${last.get(id) ?? '无'}`, last: last.get(id) ?? '' }));
    rows.sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0));
    show(rows, 'my-household');
  } else {
    const rows = [...households].map(([id, h]) => ({ id, text: `${label(h)} · ${String(h.phone ?? '')}` }));
    show(rows, 'ref-household');
  }
  performance.mark('bench:render');
}

void main();
