// The households of the selected place as a plain table, windowed so 3,600 rows cost a screenful.
// Light (no antd): it is the roster page's first screen, drawn from the kept rows on a cold open
// and from the document once it is loaded. Styled as the kept screen the boot script draws
// (app.css `lx-kept-*`), so nothing moves when the page takes over.
import { useTranslation } from '../../i18n/useTranslation';
import type { FirstScreenRow } from '../../state/firstScreen';
import { useWindowedRows } from '../../ui/useWindowedRows';

/** The rows to show, made on demand: only the rows in view are asked for. */
export interface HouseholdRows {
  readonly count: number;
  at(index: number): FirstScreenRow;
}

/** One row's height in px (cells do not wrap): what the window counts with. */
const ROW_HEIGHT = 39;
const WIDTHS = [170, 110, 120, 60, 140, 120];

export function HouseholdTable({ rows, onOpen, height }: { rows: HouseholdRows; onOpen: (id: string) => void; height: number }) {
  const { t } = useTranslation();
  const win = useWindowedRows(rows.count, ROW_HEIGHT, height);
  const shown: FirstScreenRow[] = [];
  for (let i = win.start; i < win.end; i++) shown.push(rows.at(i));
  const headers = [t('roster.address'), t('roster.head'), t('roster.phone'), t('roster.size'), t('roster.roles'), t('roster.linkedMember')];
  return (
    <div className="lx-kept-table-box lx-household-table" style={{ maxHeight: height }} onScroll={win.onScroll} data-testid="household-table">
      <table className="lx-kept-table" aria-label={t('roster.households')} aria-rowcount={rows.count + 1}>
        <colgroup>
          {WIDTHS.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {win.before > 0 ? <tr aria-hidden="true" style={{ height: win.before }} /> : null}
          {shown.map((r, i) => (
            // `ant-table-row`: the selector the tests and the benchmark use for the roster's rows (as the kept screen's).
            <tr key={r.id} className="ant-table-row" data-household-id={r.id} aria-rowindex={win.start + i + 2} style={{ height: ROW_HEIGHT }}>
              <td>
                <span className="lx-clip" style={{ maxWidth: 160 }}>
                  {r.address}
                </span>
              </td>
              <td>
                <a
                  href={`#household-${r.id}`}
                  className="lx-clip"
                  style={{ maxWidth: 100 }}
                  data-testid="household-open"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(r.id);
                  }}
                >
                  {r.head}
                </a>
              </td>
              <td>{r.phone ?? ''}</td>
              <td>{r.size}</td>
              <td>
                {r.roles.map((role) => (
                  <span className="lx-kept-tag" key={role}>
                    {role}
                  </span>
                ))}
              </td>
              <td>
                {r.member ? (
                  <span className="lx-clip" style={{ maxWidth: 110 }}>
                    {r.member}
                  </span>
                ) : (
                  <span className="lx-kept-tag lx-kept-tag--warning">{t('roster.unlinked')}</span>
                )}
              </td>
            </tr>
          ))}
          {win.after > 0 ? <tr aria-hidden="true" style={{ height: win.after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
