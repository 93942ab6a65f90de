// A page's kept first screen drawn by the boot script (inline in index.html) before the app's
// code runs, in its own box in the shell's frame, the app's root hidden meanwhile. The app takes
// the drawn screen into its own page (RosterPreview) or dismisses it once the live page shows
// (NeedsDocs). They meet only through the DOM: the boot script and the app are separate bundles.
import { brandMarkNode } from './brandMark';
import { element } from './element';

const BOX_ID = 'lx-boot-screen';
/** A boot screen nobody took or dismissed goes after this long (the app failed or went elsewhere). */
export const BOOT_SCREEN_MAX_MS = 10_000;
/** Performance mark set when the boot screen is in the document (read by the client benchmark). */
export const BOOT_SCREEN_MARK = 'lianxin:boot-screen';

/** The app shell's frame around the kept content: its header and side column, without controls. */
export interface BootFrame {
  readonly appName: string;
  readonly communityName: string | null;
}

function frame({ appName, communityName }: BootFrame, content: HTMLElement): HTMLElement[] {
  const brand = element('span', { class: 'lx-header__brand' }, [brandMarkNode(), element('span', {}, [appName])]);
  return [
    element('header', { class: 'lx-header' }, [brand, element('div', { class: 'lx-header__community lx-clip' }, [communityName ?? ''])]),
    element('div', { class: 'lx-body' }, [element('div', { class: 'lx-sider' }), element('div', { class: 'lx-main' }, [content])]),
  ];
}

/** Set on <html> by the app's entry (main.tsx) once its code runs. */
const APP_STARTED_ATTR = 'lxApp';

/** Tells the boot script the app's code runs: its page draws the same kept rows itself. */
export function markAppStarted(): void {
  document.documentElement.dataset[APP_STARTED_ATTR] = 'started';
}

/**
 * Shows `content` in the app shell's frame in place of the app, unless the app has drawn already
 * or its code is running: then the page draws the same kept rows as soon as its chunk is in, and
 * a picture drawn meanwhile would only cost a second layout before the live one (~70 ms on a
 * laptop core, ~300 ms on a slow phone) and hold up the page she can use.
 */
export function showBootScreen(content: HTMLElement, shell: BootFrame): boolean {
  const root = document.getElementById('root');
  if (!root || root.childElementCount > 0 || document.getElementById(BOX_ID) || document.documentElement.dataset[APP_STARTED_ATTR]) return false;
  const box = document.createElement('div');
  box.id = BOX_ID;
  box.append(...frame(shell, content));
  root.before(box);
  root.hidden = true;
  performance.mark(BOOT_SCREEN_MARK);
  setTimeout(dismissBootScreen, BOOT_SCREEN_MAX_MS);
  return true;
}

/** Removes the boot screen (if any) and shows the app. */
export function dismissBootScreen(): void {
  const box = document.getElementById(BOX_ID);
  if (!box) return;
  box.remove();
  const root = document.getElementById('root');
  if (root) root.hidden = false;
}

/** Whether the boot screen shows the content marked `testId` (a pure read, for rendering). */
export function hasBootScreen(testId: string): boolean {
  return document.querySelector(`#${BOX_ID} .lx-main > [data-testid="${testId}"]`) !== null;
}

/** The boot screen's content for the app to show in its own place (the boot box goes), or null. */
export function takeBootScreen(testId: string): HTMLElement | null {
  const box = document.getElementById(BOX_ID);
  const content = box?.querySelector<HTMLElement>(`.lx-main > [data-testid="${testId}"]`) ?? null;
  content?.remove();
  dismissBootScreen();
  return content;
}
