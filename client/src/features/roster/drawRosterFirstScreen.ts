// The roster's kept first screen as plain DOM: drawn by the page's boot script before the app's
// code is loaded, and by RosterPreview inside the app. Read-only (no buttons, no search). Styled
// by app.css (`lx-kept-*`) to look like the live page: Ant Design's own rules need the theme
// variables its components set at run time. Every string goes in as a text node, never markup.
import { element as el } from '../../boot/element';
import type { FirstScreen } from '../../state/firstScreen';

const clipped = (text: string, maxWidth: number) => el('span', { class: 'lx-clip', style: `max-width:${maxWidth}px` }, [text]);
const WIDTHS = [170, 110, 120, 60, 140, 120];

export function drawRosterFirstScreen(screen: FirstScreen): HTMLElement {
  const { words } = screen;
  const tree = el('ul', { 'aria-label': words.tree, style: 'list-style:none;margin:0;padding:4px 8px;line-height:28px' }, [
    el('li', {}, [words.allHouseholds]),
    ...screen.grids.map((g) => el('li', { style: 'padding-inline-start:24px' }, [clipped(g.name, 220)])),
  ]);
  const rows = screen.rows.map((r) =>
    // `ant-table-row`: the selector tests and the benchmark use for the live table's rows too.
    el('tr', { class: 'ant-table-row', 'data-household-id': r.id }, [
      el('td', {}, [clipped(r.address, 160)]),
      el('td', {}, [clipped(r.head, 100)]),
      el('td', {}, [r.phone ?? '']),
      el('td', {}, [String(r.size)]),
      el('td', {}, r.roles.map((role) => el('span', { class: 'lx-kept-tag' }, [role]))),
      el('td', {}, [r.member ? clipped(r.member, 110) : el('span', { class: 'lx-kept-tag lx-kept-tag--warning' }, [words.unlinked])]),
    ]),
  );
  const table = el('table', { class: 'lx-kept-table', 'aria-label': words.table }, [
    el('colgroup', {}, WIDTHS.map((w) => el('col', { style: `width:${w}px` }))),
    el('thead', {}, [el('tr', {}, words.headers.map((h) => el('th', { scope: 'col' }, [h])))]),
    el('tbody', {}, rows),
  ]);
  return el('section', { 'aria-labelledby': 'roster-title', 'aria-busy': 'true', 'data-testid': 'roster-preview' }, [
    el('div', { style: 'display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;margin-bottom:12px' }, [
      el('h1', { class: 'lx-kept-title', id: 'roster-title' }, [words.title]),
      el('span', { role: 'status', 'aria-live': 'polite', style: 'color:var(--lx-muted)' }, [words.status]),
    ]),
    el('div', { class: 'lx-roster' }, [
      el('div', { class: 'lx-roster__tree' }, [tree]),
      el('div', { style: 'min-width:0' }, [
        el('div', { style: 'display:flex;gap:32px;border-bottom:1px solid var(--lx-border);padding:8px 0;margin-bottom:16px' }, [
          el('span', { style: 'color:var(--lx-red)' }, [words.householdsCount]),
          el('span', {}, [words.membersCount]),
        ]),
        el('div', { class: 'lx-kept-table-box', 'data-testid': 'household-table', 'data-preview': 'true' }, [table]),
      ]),
    ]),
  ]);
}
