// A page's kept first screen drawn by the boot script (inline in index.html) before the app's
// code runs, in its own box in place of the app. The app hides nothing else: it takes the drawn
// screen into its own page (RosterPreview) or dismisses it once the live page shows (NeedsDocs).
// Both sides meet only through the DOM: the boot script and the app are separate bundles.

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
  const header = document.createElement('header');
  header.className = 'lx-header';
  const brand = document.createElement('span');
  brand.className = 'lx-header__brand';
  const logo = document.createElement('img');
  logo.src = '/icons/icon.svg';
  logo.alt = '';
  const name = document.createElement('span');
  name.textContent = appName;
  brand.append(logo, name);
  const community = document.createElement('div');
  community.className = 'lx-header__community lx-clip';
  community.textContent = communityName ?? '';
  header.append(brand, community);
  const body = document.createElement('div');
  body.className = 'lx-body';
  const sider = document.createElement('div');
  sider.className = 'lx-sider';
  const main = document.createElement('div');
  main.className = 'lx-main';
  main.append(content);
  body.append(sider, main);
  return [header, body];
}

/** Shows `content` in the app shell's frame in place of the app, unless the app has drawn already. */
export function showBootScreen(content: HTMLElement, shell: BootFrame): boolean {
  const root = document.getElementById('root');
  if (!root || root.childElementCount > 0 || document.getElementById(BOX_ID)) return false;
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
