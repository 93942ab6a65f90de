// The roster page's first screen as it was last shown on this device, while the roster document
// loads: read-only (no buttons, no drawers, no search), replaced by the live page once the
// document is in. The page's boot script may have drawn it already, before the app's code ran:
// then that drawing moves here as it is; otherwise it is drawn from the kept screen now.
import { useLayoutEffect, useRef, useState } from 'react';
import { hasBootScreen, takeBootScreen } from '../../boot/bootScreen';
import { Loading } from '../../shell/Loading';
import { useCachedFirstScreen } from '../../state/rosterFirstScreen';
import { useLanguage } from '../../state/useLanguage';
import { drawRosterFirstScreen } from './drawRosterFirstScreen';

const TEST_ID = 'roster-preview';

export function RosterPreview() {
  const { language } = useLanguage();
  const [fromBoot, setFromBoot] = useState(() => hasBootScreen(TEST_ID));
  const screen = useCachedFirstScreen(fromBoot ? null : language);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (fromBoot) {
      const node = takeBootScreen(TEST_ID);
      // Taken already (a second mount): it is in the box. Gone meanwhile: draw it here.
      if (node) box.current?.replaceChildren(node);
      else if (!box.current?.firstChild) setFromBoot(false);
    } else if (screen) {
      box.current?.replaceChildren(drawRosterFirstScreen(screen));
    }
  }, [fromBoot, screen]);
  if (!fromBoot && !screen) return <Loading />;
  return <div ref={box} />;
}
