// 花名册: the tree of places beside searchable tables of households and members.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Dropdown, Input, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRoster } from '../../state/useRoster';
import { useSession } from '../../state/useSession';
import { Loading } from '../../shell/Loading';
import { RosterTree, type TreeSelection } from './RosterTree';
import { HouseholdTable } from './HouseholdTable';
import type { BuildingId } from '@lianxin/model';
import { BuildingCadrePicker } from './BuildingCadrePicker';
import type { HouseholdDrawerTarget } from './HouseholdDrawer';
import { MemberTable } from './MemberTable';
import type { MemberDrawerTarget } from './MemberDrawer';
import type { StructureTarget } from './StructureDrawer';
import { filterHouseholds } from './filterHouseholds';
import { useRosterExport } from '../../state/useRosterExport';
import { useKeepFirstScreen } from '../../state/rosterFirstScreen';
import { useLanguage } from '../../state/useLanguage';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useUsableMark } from '../../state/usableMark';

// The forms (drawers) and the import (spreadsheet parsing, preview table) are code the page
// needs only once they are opened: loaded then (and fetched when the page is idle).
const loadHouseholdDrawer = () => import('./HouseholdDrawer');
const loadMemberDrawer = () => import('./MemberDrawer');
const loadStructureDrawer = () => import('./StructureDrawer');
const HouseholdDrawer = lazy(() => loadHouseholdDrawer().then((m) => ({ default: m.HouseholdDrawer })));
const MemberDrawer = lazy(() => loadMemberDrawer().then((m) => ({ default: m.MemberDrawer })));
const StructureDrawer = lazy(() => loadStructureDrawer().then((m) => ({ default: m.StructureDrawer })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** True from the first time `open` is true (a drawer stays mounted afterwards, for its closing animation). */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

export function RosterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const read = useRoster();
  const { canWrite, communityId } = useSession();
  const editable = canWrite('roster');
  const [tab, setTab] = useState('households');
  const [selection, setSelection] = useState<TreeSelection>({ type: 'all' });
  const [query, setQuery] = useState('');
  const [household, setHousehold] = useState<HouseholdDrawerTarget>(null);
  const [member, setMember] = useState<MemberDrawerTarget>(null);
  const [structure, setStructure] = useState<StructureTarget>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useRosterExport();
  const { language } = useLanguage();
  const labels = usePlaceLabels();
  useKeepFirstScreen(read?.view ?? null, labels, language);
  useUsableMark('roster', read !== null);
  const householdOpened = useOpenedOnce(household !== null);
  const memberOpened = useOpenedOnce(member !== null);
  const structureOpened = useOpenedOnce(structure !== null);
  useEffect(() => {
    const prefetch = () => void Promise.all([loadHouseholdDrawer(), loadMemberDrawer(), loadStructureDrawer()]).catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(prefetch, { timeout: 3_000 });
    return () => cancelIdleCallback(id);
  }, []);

  const roster = read?.view ?? null;
  const households = useMemo(() => (roster ? filterHouseholds(roster, selection, query) : []), [roster, selection, query]);
  if (!read || !roster) return <Loading />;

  const select = (s: TreeSelection) => {
    setSelection(s);
    if (s.type === 'household') setHousehold({ type: 'existing', id: s.id as never });
  };
  const boardLink =
    selection.type === 'building'
      ? `/c/${communityId}/roster/board/${selection.id}`
      : selection.type === 'unit'
        ? `/c/${communityId}/roster/board/${roster.units.get(selection.id as never)?.buildingId ?? ''}/${selection.id}`
        : `/c/${communityId}/roster/board`;

  return (
    <section aria-labelledby="roster-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="roster-title">
          {t('nav.roster')}
          {!editable ? (
            <Tag style={{ marginInlineStart: 8 }} data-testid="roster-readonly">
              {t('app.readOnly')}
            </Tag>
          ) : null}
        </Typography.Title>
        <Space wrap>
          {editable ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} data-testid="add-household" onClick={() => setHousehold({ type: 'new', ...(selection.type === 'building' ? { buildingId: selection.id } : {}) })}>
                {t('roster.addHousehold')}
              </Button>
              <Dropdown
                menu={{
                  items: [
                    { key: 'member', label: t('roster.addMember'), onClick: () => setMember({ type: 'new' }) },
                    { key: 'grid', label: t('roster.addGrid'), onClick: () => setStructure({ type: 'grid' }) },
                    { key: 'building', label: t('roster.addBuilding'), onClick: () => setStructure({ type: 'building', gridId: selection.type === 'grid' ? selection.id : undefined }) },
                  ],
                }}
              >
                <Button data-testid="add-more">{t('roster.addMore')}</Button>
              </Dropdown>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
                {t('roster.import')}
              </Button>
            </>
          ) : null}
          <Dropdown
            menu={{
              items: [
                { key: 'csv', label: t('roster.exportCsv'), onClick: () => void exporter.download('csv') },
                { key: 'xlsx', label: t('roster.exportXlsx'), onClick: () => void exporter.download('xlsx') },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="export">
              {t('roster.export')}
            </Button>
          </Dropdown>
          {/* A button that navigates, not a button inside a link (two controls for one action). */}
          <Button icon={<PrinterOutlined />} data-testid="print-boards" onClick={() => void navigate(boardLink)}>
            {t('roster.serviceBoards')}
          </Button>
        </Space>
      </Space>
      {read.problems.length > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('roster.problems', { count: read.problems.length })} data-testid="roster-problems" /> : null}
      <div className="lx-roster">
        <div className="lx-roster__tree">
          <RosterTree roster={roster} selected={selection} onSelect={select} />
          {editable && (selection.type === 'grid' || selection.type === 'building') ? (
            <Button size="small" style={{ marginTop: 8 }} onClick={() => setStructure(selection.type === 'grid' ? { type: 'grid', id: selection.id } : { type: 'building', id: selection.id })}>
              {t('app.edit')}
            </Button>
          ) : null}
        </div>
        <div style={{ minWidth: 0 }}>
          {selection.type === 'building' ? <BuildingCadrePicker roster={roster} buildingId={selection.id as BuildingId} editable={editable} /> : null}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'households',
                label: t('roster.householdsCount', { count: households.length }),
                children: (
                  <>
                    <Input.Search
                      allowClear
                      placeholder={t('roster.searchHouseholds')}
                      aria-label={t('roster.searchHouseholds')}
                      enterButton={<Button icon={<SearchOutlined />} aria-label={t('app.search')} />}
                      data-testid="roster-search"
                      onChange={(e) => setQuery(e.target.value)}
                      style={{ marginBottom: 8 }}
                    />
                    <HouseholdTable roster={roster} households={households} height={520} onOpen={(h) => setHousehold({ type: 'existing', id: h.id })} />
                  </>
                ),
              },
              {
                key: 'members',
                label: t('roster.membersCount', { count: roster.members.size }),
                children: <MemberTable roster={roster} onOpen={(id) => setMember({ type: 'existing', id })} />,
              },
            ]}
          />
        </div>
      </div>
      <Suspense fallback={null}>
        {householdOpened ? <HouseholdDrawer roster={roster} target={household} editable={editable} onClose={() => setHousehold(null)} /> : null}
        {memberOpened ? <MemberDrawer roster={roster} target={member} editable={editable} onClose={() => setMember(null)} /> : null}
        {editable && structureOpened ? <StructureDrawer roster={roster} target={structure} onClose={() => setStructure(null)} /> : null}
      </Suspense>
      {editable && importing ? (
        <Suspense fallback={null}>
          <ImportDialog open onClose={() => setImporting(false)} />
        </Suspense>
      ) : null}
    </section>
  );
}
