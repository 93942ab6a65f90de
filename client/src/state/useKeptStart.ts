// A page's starting state from a view kept beside one of its documents: the boot read's value
// when this is the page the device opened at (in the first render when the read is already in:
// no loading state, no wait for the session), else the session's read of the view.
import { useContext, useEffect, useRef, useState } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import { AccountContext } from './AccountContext';
import { takeBootView, type BootRead } from './bootPeek';
import { SessionContext } from './SessionContext';

/**
 * The kept view `key` of `doc`, parsed (`parse` validates: the value is untrusted); undefined
 * while reading, null when there is none or it does not parse. Reads nothing unless `wanted`.
 * `parse` should be stable (a changed one reads again).
 */
export function useKeptStart<T>(doc: FixedDoc, key: string, wanted: boolean, parse: (value: unknown) => T | null): T | null | undefined {
  const account = useContext(AccountContext);
  const session = useContext(SessionContext);
  const [boot] = useState<BootRead<unknown> | undefined>(() => (account && wanted ? takeBootView(account.communityId, doc, key) : undefined));
  const [kept, setKept] = useState<T | null | undefined>(() => (boot?.settled ? parse(boot.settled.value) : undefined));
  // The boot read serves the first pass only; a later key, person or session reads again.
  const first = useRef(boot);
  useEffect(() => {
    if (!wanted) return;
    const fromBoot = first.current;
    if (fromBoot?.settled) {
      first.current = undefined;
      return;
    }
    // Neither a boot read nor a session yet: read once the session is open.
    const read = fromBoot?.read ?? session?.readView(doc, key);
    if (!read) return;
    first.current = undefined;
    let live = true;
    read.then(
      (value) => live && setKept(parse(value)),
      () => live && setKept(null),
    );
    return () => {
      live = false;
    };
  }, [session, wanted, doc, key, parse]);
  return kept;
}
