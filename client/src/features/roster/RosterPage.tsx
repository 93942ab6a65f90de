// 花名册: the tree of places beside searchable tables of households and members. Shown at once
// from the rows kept on this device (search working), then from the roster document, in the same
// component tree (useRosterStart). Light: the header, tabs, search and household table are the
// app's own small components, not Ant Design; the tree, the member table and the forms (antd)
// load once the document is in, in antd's providers (withAntdScope).
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, searchMatcher, type BuildingId, type HouseholdRole, type RosterView } from '@lianxin/model';
import { dismissBootScreen } from '../../boot/bootScreen';
import { useSession } from '../../state/useSession';
import { Loading } from '../../shell/Loading';
import { withAntdScope } from '../../shell/antdScope';
import type { TreeSelection } from './RosterTree';
import { HouseholdTable, type HouseholdRows } from './HouseholdTable';
import type { HouseholdDrawerTarget } from './HouseholdDrawer';
import type { MemberDrawerTarget } from './MemberDrawer';
import type { StructureTarget } from './StructureDrawer';
import { filterHouseholds } from './filterHouseholds';
import { RosterPreview } from './RosterPreview';
import { useRosterExport } from '../../state/useRosterExport';
import { useKeepFirstScreen } from '../../state/rosterFirstScreen';
import { householdRow, keptCount, keptRowAt, type KeptRoster } from '../../state/rosterRows';
import { useRosterStart } from '../../state/useRosterStart';
import { useLanguage } from '../../state/useLanguage';
import { usePlaceLabels, type PlaceLabels } from '../../state/usePlaceLabels';
import { useText } from '../../state/useText';
import { firstPageDrawn } from '../../state/firstPageDrawn';
import { markOnce } from '../../state/usableMark';
import { Button } from '../../ui/Button';
import { MenuButton } from '../../ui/MenuButton';
import { Tag } from '../../ui/Tag';
import './rosterPage.css';

// What uses antd loads when the document is in (and is fetched when the page is idle), each in antd's providers.
const loadHouseholdDrawer = () => import('./HouseholdDrawer');
const loadMemberDrawer = () => import('./MemberDrawer');
const loadStructureDrawer = () => import('./StructureDrawer');
const loadRosterTree = () => import('./RosterTree');
const loadMemberTable = () => import('./MemberTable');
const HouseholdDrawer = lazy(() => withAntdScope(loadHouseholdDrawer().then((m) => m.HouseholdDrawer)));
const MemberDrawer = lazy(() => withAntdScope(loadMemberDrawer().then((m) => m.MemberDrawer)));
const StructureDrawer = lazy(() => withAntdScope(loadStructureDrawer().then((m) => m.StructureDrawer)));
const ImportDialog = lazy(() => withAntdScope(import('./ImportDialog').then((m) => m.ImportDialog)));
const RosterTree = lazy(() => withAntdScope(loadRosterTree().then((m) => m.RosterTree)));
const MemberTable = lazy(() => withAntdScope(loadMemberTable().then((m) => m.MemberTable)));
const BuildingCadrePicker = lazy(() => withAntdScope(import('./BuildingCadrePicker').then((m) => m.BuildingCadrePicker)));

/** True from the first time `open` is true (a drawer stays mounted afterwards, for its closing animation). */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/** The table's rows: the kept ones filtered by the search, or the live households of the selection. */
function useHouseholdRows(kept: KeptRoster | null, roster: RosterView | null, selection: TreeSelection, query: string, labels: PlaceLabels, role: (r: HouseholdRole) => string): HouseholdRows {
  return useMemo<HouseholdRows>(() => {
    if (roster) {
      const list = filterHouseholds(roster, selection, query);
      // Labels are made when a row is drawn: the table is windowed, so only the rows in view.
      return { count: list.length, at: (i) => householdRow(roster, list[i]!, labels, role) };
    }
    if (!kept) return { count: 0, at: () => undefined as never };
    const matches = searchMatcher(query);
    if (!matches) return { count: keptCount(kept), at: (i) => keptRowAt(kept, i) };
    const found: number[] = [];
    kept.rows.key.forEach((key, i) => {
      if (matches(key)) found.push(i);
    });
    return { count: found.length, at: (i) => keptRowAt(kept, found[i]!) };
    // `labels` is a new object each render; its functions change only with the language.
  }, [kept, roster, selection, query, labels.household, role]);
}

export function RosterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { language } = useLanguage();
  const start = useRosterStart(language);
  const { source, kept, live: read } = start;
  const roster = read?.view ?? null;
  const { canWrite, communityId } = useSession();
  const editable = canWrite('roster');
  const [tab, setTab] = useState<'households' | 'members'>('households');
  const [selection, setSelection] = useState<TreeSelection>({ type: 'all' });
  const [query, setQuery] = useState('');
  // What is asked for before the document is in (a household's form, the import) opens once it is.
  const [household, setHousehold] = useState<HouseholdDrawerTarget>(null);
  const [member, setMember] = useState<MemberDrawerTarget>(null);
  const [structure, setStructure] = useState<StructureTarget>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useRosterExport(roster);
  const labels = usePlaceLabels();
  const text = useText();
  const role = useMemo(() => (r: HouseholdRole) => text(LABELS.householdRole[r]), [text]);
  useKeepFirstScreen(roster, labels, language);
  const householdOpened = useOpenedOnce(household !== null);
  const memberOpened = useOpenedOnce(member !== null);
  const structureOpened = useOpenedOnce(structure !== null);
  useLayoutEffect(() => {
    if (source === 'loading') return;
    dismissBootScreen();
    // Usable: the households are rendered and the search responds (from the kept rows or the document).
    markOnce('lianxin:usable:roster');
    firstPageDrawn();
    if (source === 'live') markOnce('lianxin:live:roster');
  }, [source]);
  useEffect(() => {
    if (!roster) return;
    const prefetch = () => void Promise.all([loadRosterTree(), loadMemberTable(), loadHouseholdDrawer(), loadMemberDrawer(), loadStructureDrawer()]).catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(prefetch, { timeout: 3_000 });
    return () => cancelIdleCallback(id);
  }, [roster]);
  const rows = useHouseholdRows(kept, roster, selection, query, labels, role);

  // Reading the kept rows: the kept first screen (the boot script's drawing, if any) meanwhile.
  if (source === 'loading') return <RosterPreview />;
  const households = roster ? roster.households.size : (kept ? keptCount(kept) : 0);
  const members = roster ? roster.members.size : (kept?.members ?? 0);

  const select = (s: TreeSelection) => {
    setSelection(s);
    if (s.type === 'household') setHousehold({ type: 'existing', id: s.id as never });
  };
  const boardLink =
    selection.type === 'building'
      ? `/c/${communityId}/roster/board/${selection.id}`
      : selection.type === 'unit'
        ? `/c/${communityId}/roster/board/${roster?.units.get(selection.id as never)?.buildingId ?? ''}/${selection.id}`
        : `/c/${communityId}/roster/board`;
  const keptTree = (
    <ul aria-label={t('roster.tree')} className="lx-roster-kept-tree">
      <li>{t('roster.allHouseholds', { count: households })}</li>
      {(kept?.grids ?? []).map((g) => (
        <li key={g.id} className="lx-roster-kept-tree__grid">
          <span className="lx-clip">{g.name}</span>
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="roster-title" data-source={source} className="lx-ui">
      <div className="lx-row lx-row--between" style={{ marginBottom: 12 }}>
        <h1 className="lx-title-1 lx-roster-title" id="roster-title">
          {t('nav.roster')}
          {!editable ? (
            <Tag style={{ marginInlineStart: 8 }} data-testid="roster-readonly">
              {t('app.readOnly')}
            </Tag>
          ) : null}
        </h1>
        <div className="lx-row">
          {editable ? (
            <>
              <Button kind="primary" icon={<PlusOutlined />} data-testid="add-household" onClick={() => setHousehold({ type: 'new', ...(selection.type === 'building' ? { buildingId: selection.id } : {}) })}>
                {t('roster.addHousehold')}
              </Button>
              <MenuButton
                button={{ children: t('roster.addMore'), 'data-testid': 'add-more' }}
                choices={[
                  { key: 'member', label: t('roster.addMember'), onSelect: () => setMember({ type: 'new' }) },
                  { key: 'grid', label: t('roster.addGrid'), onSelect: () => setStructure({ type: 'grid' }) },
                  { key: 'building', label: t('roster.addBuilding'), onSelect: () => setStructure({ type: 'building', gridId: selection.type === 'grid' ? selection.id : undefined }) },
                ]}
              />
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
                {t('roster.import')}
              </Button>
            </>
          ) : null}
          <MenuButton
            button={{ icon: <DownloadOutlined />, children: t('roster.export'), 'data-testid': 'export', loading: !roster }}
            choices={[
              { key: 'csv', label: t('roster.exportCsv'), onSelect: () => void exporter.download('csv') },
              { key: 'xlsx', label: t('roster.exportXlsx'), onSelect: () => void exporter.download('xlsx') },
            ]}
          />
          {/* A button that navigates, not a button inside a link (two controls for one action). */}
          <Button icon={<PrinterOutlined />} data-testid="print-boards" onClick={() => void navigate(boardLink)}>
            {t('roster.serviceBoards')}
          </Button>
        </div>
      </div>
      {read && read.problems.length > 0 ? (
        <div className="lx-alert lx-alert--warning" role="alert" data-testid="roster-problems">
          {t('roster.problems', { count: read.problems.length })}
        </div>
      ) : null}
      <div className="lx-roster">
        <div className="lx-roster__tree">
          {roster ? (
            <Suspense fallback={keptTree}>
              <RosterTree roster={roster} selected={selection} onSelect={select} />
            </Suspense>
          ) : (
            keptTree
          )}
          {roster && editable && (selection.type === 'grid' || selection.type === 'building') ? (
            <Button style={{ marginTop: 8 }} onClick={() => setStructure(selection.type === 'grid' ? { type: 'grid', id: selection.id } : { type: 'building', id: selection.id })}>
              {t('app.edit')}
            </Button>
          ) : null}
        </div>
        <div style={{ minWidth: 0 }}>
          {roster && selection.type === 'building' ? (
            <Suspense fallback={null}>
              <BuildingCadrePicker roster={roster} buildingId={selection.id as BuildingId} editable={editable} />
            </Suspense>
          ) : null}
          <div role="tablist" className="lx-tabs">
            <button type="button" role="tab" id="roster-tab-households" aria-controls="roster-panel" aria-selected={tab === 'households'} className="lx-tabs__tab" onClick={() => setTab('households')}>
              {t('roster.householdsCount', { count: rows.count })}
            </button>
            <button type="button" role="tab" id="roster-tab-members" aria-controls="roster-panel" aria-selected={tab === 'members'} className="lx-tabs__tab" onClick={() => setTab('members')}>
              {t('roster.membersCount', { count: members })}
            </button>
          </div>
          <div role="tabpanel" id="roster-panel" aria-labelledby={`roster-tab-${tab}`}>
            {tab === 'households' ? (
              <>
                <span className="lx-search" data-testid="roster-search">
                  <input type="search" className="lx-input" value={query} placeholder={t('roster.searchHouseholds')} aria-label={t('roster.searchHouseholds')} onChange={(e) => setQuery(e.target.value)} />
                </span>
                <HouseholdTable rows={rows} height={520} onOpen={(id) => setHousehold({ type: 'existing', id: id as never })} />
              </>
            ) : roster ? (
              <Suspense fallback={<Loading />}>
                <MemberTable roster={roster} onOpen={(id) => setMember({ type: 'existing', id })} />
              </Suspense>
            ) : (
              <Loading />
            )}
          </div>
        </div>
      </div>
      {roster ? (
        <Suspense fallback={null}>
          {householdOpened ? <HouseholdDrawer roster={roster} target={household} editable={editable} onClose={() => setHousehold(null)} /> : null}
          {memberOpened ? <MemberDrawer roster={roster} target={member} editable={editable} onClose={() => setMember(null)} /> : null}
          {editable && structureOpened ? <StructureDrawer roster={roster} target={structure} onClose={() => setStructure(null)} /> : null}
          {editable && importing ? <ImportDialog open onClose={() => setImporting(false)} /> : null}
        </Suspense>
      ) : null}
    </section>
  );
}
