// The views kept beside one document (`LocalDocStore.writeView`: the `views` of its `docs` row),
// read with the bare IndexedDB API so the page's boot script can start it before the app's code
// is fetched. One read serves every view of the document (a roster's first screen and its rows).
import { request, readExisting } from './bareIndexedDb';
import { communityDatabaseName } from './databaseNames';

export interface PeekDocInput {
  readonly communityId: string;
  /** the person the device joined as (the account's `personId`): the copy is theirs */
  readonly personId: string;
  /** the document the views were kept beside, e.g. `roster` */
  readonly doc: string;
  /** default: the global `indexedDB` */
  readonly indexedDB?: IDBFactory;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Each view's kept value by key, untrusted (any tab of the origin could have written it: validate
 * each). Null when the copy, the document or its views are missing, or the names are unusable.
 */
export async function peekDocViews(input: PeekDocInput): Promise<Record<string, unknown> | null> {
  const factory = input.indexedDB ?? globalThis.indexedDB;
  if (!factory) return null;
  let name: string;
  try {
    name = communityDatabaseName(input.communityId, input.personId);
  } catch {
    return null;
  }
  const row = await readExisting(factory, name, ['docs'], (tx) => request(tx.objectStore('docs').get(input.doc)));
  if (!isRecord(row) || !isRecord(row.views)) return null;
  const values: Record<string, unknown> = {};
  for (const [key, view] of Object.entries(row.views)) if (isRecord(view) && 'value' in view) values[key] = view.value;
  return values;
}
