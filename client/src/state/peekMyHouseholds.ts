// The member's route starts from the "my households" projection kept beside the work document.
// The page's boot script (inline in index.html) starts reading it with one bare IndexedDB read
// before the app's code is even fetched — main.tsx does if the boot script did not run — while
// the device store, the session and Dexie are still to open: the page takes the read's result
// instead of waiting for the session to read it. The two bundles share the read through a global.
import { peekStoredView } from '@lianxin/sync/peek';
import { storedLanguage } from '../i18n/languages';
import { myHouseholdsKey } from './myHouseholdsKey';
import { markOnce } from './markOnce';

const MY_PATH = /^\/c\/([A-Za-z0-9_-]+)\/my\/?$/;

interface Peek {
  readonly communityId: string;
  readonly key: string;
  readonly value: Promise<unknown>;
  /** the value once read: the page starts from it in its first render */
  settled?: { readonly value: unknown };
}
const SLOT = '__lianxinPeekMy';
const slot = globalThis as { [SLOT]?: Peek | null };

/** Starts reading the kept projection (once) when `pathname` is a member's route. */
export function peekMyHouseholds(pathname: string): void {
  const communityId = MY_PATH.exec(pathname)?.[1];
  if (!communityId || slot[SLOT] !== undefined) return;
  const key = myHouseholdsKey(storedLanguage());
  const peek: { -readonly [K in keyof Peek]: Peek[K] } = { communityId, key, value: Promise.resolve(null) };
  peek.value = peekStoredView({ communityId, doc: 'work', key }).then(
    (kept) => {
      markOnce('lianxin:peek:my');
      peek.settled = { value: kept?.value ?? null };
      return peek.settled.value;
    },
    () => null,
  );
  slot[SLOT] = peek;
}

/** Like `takePeekedMyHouseholds`, but only once the read is done: its value, synchronously. */
export function takeSettledMyHouseholds(communityId: string, key: string): { readonly value: unknown } | undefined {
  const started = slot[SLOT];
  if (!started?.settled || started.communityId !== communityId || started.key !== key) return undefined;
  slot[SLOT] = null;
  return started.settled;
}

/**
 * The value read at start for this community and key (untrusted: validate it), or undefined when
 * none was started for them. Taken once: a later read goes through the session and sees the
 * projection as it is then.
 */
export function takePeekedMyHouseholds(communityId: string, key: string): Promise<unknown> | undefined {
  const started = slot[SLOT];
  if (!started || started.communityId !== communityId || started.key !== key) return undefined;
  slot[SLOT] = null;
  return started.value;
}
