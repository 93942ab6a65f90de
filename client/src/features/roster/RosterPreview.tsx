// The roster page's first screen as it was last shown on this device, while the roster document
// loads: read-only (no buttons, no drawers, no search), replaced by the live page once the
// document is in. Plain markup with Ant Design's class names (its static CSS styles it like the
// live table), so drawing it costs next to nothing before the live page's own first render.
import { useTranslation } from 'react-i18next';
import { LABELS, HouseholdRole } from '@lianxin/model';
import { Loading } from '../../shell/Loading';
import { useCachedFirstScreen } from '../../state/rosterFirstScreen';
import { useLanguage } from '../../state/useLanguage';
import { useText } from '../../state/useText';

const isRole = (r: string): r is HouseholdRole => Object.values(HouseholdRole).includes(r as HouseholdRole);
const WIDTHS = [170, 110, 120, 60, 140, 120];

export function RosterPreview() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const text = useText();
  const screen = useCachedFirstScreen(language);
  if (!screen) return <Loading />;
  const headers = [t('roster.address'), t('roster.head'), t('roster.phone'), t('roster.size'), t('roster.roles'), t('roster.linkedMember')];
  return (
    <section aria-labelledby="roster-title" aria-busy="true" data-testid="roster-preview">
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <h1 className="ant-typography lx-page-title" id="roster-title">
          {t('nav.roster')}
        </h1>
        <span role="status" aria-live="polite" style={{ color: 'var(--lx-muted)' }}>
          {t('roster.preview')}
        </span>
      </div>
      <div className="lx-roster">
        <div className="lx-roster__tree">
          <ul aria-label={t('roster.tree')} style={{ listStyle: 'none', margin: 0, padding: '4px 8px', lineHeight: '28px' }}>
            <li>{t('roster.allHouseholds', { count: screen.households })}</li>
            {screen.grids.map((g) => (
              <li key={g.id} style={{ paddingInlineStart: 24 }}>
                <span className="lx-clip" style={{ maxWidth: 220 }}>
                  {g.name}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div style={{ minWidth: 0 }}>
          <div style={{ display: 'flex', gap: 32, borderBottom: '1px solid var(--lx-border)', padding: '8px 0', marginBottom: 16 }}>
            <span style={{ color: 'var(--lx-red)' }}>{t('roster.householdsCount', { count: screen.households })}</span>
            <span>{t('roster.membersCount', { count: screen.members })}</span>
          </div>
          <div className="ant-table-wrapper" data-testid="household-table" data-preview="true">
            <div className="ant-table ant-table-small">
              <div className="ant-table-container" style={{ overflow: 'auto', maxHeight: 560 }}>
                <table aria-label={t('roster.households')} style={{ tableLayout: 'fixed', minWidth: 720, width: '100%' }}>
                  <colgroup>
                    {WIDTHS.map((w, i) => (
                      <col key={i} style={{ width: w }} />
                    ))}
                  </colgroup>
                  <thead className="ant-table-thead">
                    <tr>
                      {headers.map((h) => (
                        <th key={h} className="ant-table-cell" scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="ant-table-tbody">
                    {screen.rows.map((r) => (
                      <tr key={r.id} className="ant-table-row" data-household-id={r.id}>
                        <td className="ant-table-cell">
                          <span className="lx-clip" style={{ maxWidth: 160 }}>
                            {r.address}
                          </span>
                        </td>
                        <td className="ant-table-cell">
                          <span className="lx-clip" style={{ maxWidth: 100 }}>
                            {r.head}
                          </span>
                        </td>
                        <td className="ant-table-cell">{r.phone ?? ''}</td>
                        <td className="ant-table-cell">{r.size}</td>
                        <td className="ant-table-cell">
                          {r.roles.filter(isRole).map((role) => (
                            <span key={role} className="ant-tag">
                              {text(LABELS.householdRole[role])}
                            </span>
                          ))}
                        </td>
                        <td className="ant-table-cell">
                          {r.member ? (
                            <span className="lx-clip" style={{ maxWidth: 110 }}>
                              {r.member}
                            </span>
                          ) : (
                            <span className="ant-tag ant-tag-warning">{t('roster.unlinked')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
