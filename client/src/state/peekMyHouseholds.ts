// The member's route starts from the "my households" projection kept beside the work document.
// main.tsx reads it with one bare IndexedDB read as soon as the page's code runs, while the device
// store, the session and Dexie are still opening: the page takes the read's result instead of
// waiting for the session to read it.
import { peekStoredView } from '@lianxin/sync/peek';
import { storedLanguage } from '../i18n/languages';
import { myHouseholdsKey } from './myHouseholdsKey';
import { markOnce } from './usableMark';

const MY_PATH = /^\/c\/([A-Za-z0-9_-]+)\/my\/?$/;

let started: { readonly communityId: string; readonly key: string; readonly value: Promise<unknown> } | null = null;

/** Starts reading the kept projection when `pathname` is a member's route. */
export function peekMyHouseholds(pathname: string): void {
  const communityId = MY_PATH.exec(pathname)?.[1];
  if (!communityId || started) return;
  const key = myHouseholdsKey(storedLanguage());
  const value = peekStoredView({ communityId, doc: 'work', key }).then(
    (kept) => {
      markOnce('lianxin:peek:my');
      return kept?.value ?? null;
    },
    () => null,
  );
  started = { communityId, key, value };
}

/**
 * The value read at start for this community and key (untrusted: validate it), or undefined when
 * none was started for them. Taken once: a later read goes through the session and sees the
 * projection as it is then.
 */
export function takePeekedMyHouseholds(communityId: string, key: string): Promise<unknown> | undefined {
  if (!started || started.communityId !== communityId || started.key !== key) return undefined;
  const { value } = started;
  started = null;
  return value;
}
