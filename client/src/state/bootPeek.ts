// What the page reads at boot, before the app's code is fetched: the device's accounts and, on a
// route that starts from views kept beside a document (a member's "my households", the roster),
// that document's views. The inline boot script starts it (main.tsx does if the script did not
// run); the app takes the results instead of waiting for @lianxin/sync, Dexie and the session to
// load and read the same rows. The two bundles share the reads through a global.
import { peekAccounts, peekDocViews, type PeekedAccounts } from '@lianxin/sync/peek';
import { markOnce } from './markOnce';

/** The document whose kept views a route starts from. */
const START_DOC: Readonly<Record<string, string>> = { my: 'work', roster: 'roster' };
const COMMUNITY_PAGE = /^\/c\/([^/]+)\/([^/]+)\/?$/;

/** A read, and its result once it is in (so a first render can take it synchronously). */
export interface BootRead<T> {
  readonly read: Promise<T>;
  /** set once the read is done */
  readonly settled?: { readonly value: T };
}

interface Slot {
  readonly communityId: string | null;
  readonly doc: string | null;
  readonly accounts: BootRead<PeekedAccounts | null>;
  readonly views: BootRead<Record<string, unknown> | null>;
  /** the view keys the app has taken (each once: a later read sees the view as it is then) */
  readonly taken: Set<string>;
}
const SLOT = '__lianxinBootPeek';
const g = globalThis as { [SLOT]?: Slot };

function settle<T>(read: Promise<T>, mark: string): BootRead<T> {
  const result: { read: Promise<T>; settled?: { value: T } } = { read };
  result.read = read.then((value) => {
    markOnce(mark);
    result.settled = { value };
    return value;
  });
  return result;
}

/** Starts the reads for the page at `pathname` (once per page load); never throws, never creates a database. */
export function startBootPeek(pathname: string): void {
  if (g[SLOT]) return;
  const page = COMMUNITY_PAGE.exec(pathname);
  const communityId = page?.[1] ?? null;
  const doc = (page?.[2] && START_DOC[page[2]]) || null;
  const accounts = settle(
    peekAccounts().catch(() => null),
    'lianxin:peek:accounts',
  );
  const personId = (a: PeekedAccounts | null) => a?.accounts.find((x) => x.communityId === communityId)?.personId;
  const views = settle(
    communityId && doc
      ? accounts.read
          .then((a) => {
            const person = personId(a);
            return person ? peekDocViews({ communityId, personId: person, doc }) : null;
          })
          .catch(() => null)
      : Promise.resolve(null),
    `lianxin:peek:${doc ?? 'none'}`,
  );
  g[SLOT] = { communityId, doc, accounts, views, taken: new Set() };
}

/** The device's accounts as read at boot; undefined when no boot read was started. Null inside: no device database, or it could not be read. */
export function bootAccounts(): BootRead<PeekedAccounts | null> | undefined {
  return g[SLOT]?.accounts;
}

/** Every view kept beside `doc` as read at boot (untrusted: validate each), without taking any; for the boot script's own drawing. */
export function bootViews(communityId: string, doc: string): BootRead<Record<string, unknown> | null> | undefined {
  const slot = g[SLOT];
  return slot && slot.communityId === communityId && slot.doc === doc ? slot.views : undefined;
}

/**
 * The view `key` kept beside `doc` as read at boot (untrusted: validate it; null when none), for
 * the page the device opened at; undefined when none was read for them, or it was already taken.
 */
export function takeBootView(communityId: string, doc: string, key: string): BootRead<unknown> | undefined {
  const slot = g[SLOT];
  const views = slot && bootViews(communityId, doc);
  if (!slot || !views || slot.taken.has(key)) return undefined;
  slot.taken.add(key);
  const pick = (all: Record<string, unknown> | null) => (all && key in all ? all[key] : null);
  return { read: views.read.then(pick), ...(views.settled ? { settled: { value: pick(views.settled.value) } } : {}) };
}
