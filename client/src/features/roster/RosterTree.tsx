// Grids → buildings → units → households. Virtual, so 3,600 households scroll smoothly.
import { useMemo } from 'react';
import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { usePlaceLabels } from '../../state/usePlaceLabels';

export type TreeSelection =
  | { type: 'all' }
  | { type: 'grid'; id: string }
  | { type: 'building'; id: string }
  | { type: 'unit'; id: string }
  | { type: 'household'; id: string };

export function selectionKey(s: TreeSelection): string {
  return s.type === 'all' ? 'all' : `${s.type}:${s.id}`;
}

function parseKey(key: string): TreeSelection {
  const colon = key.indexOf(':');
  if (colon < 0) return { type: 'all' };
  const type = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (type === 'grid' || type === 'building' || type === 'unit' || type === 'household') return { type, id };
  return { type: 'all' };
}

export function RosterTree({ roster, selected, onSelect }: { roster: RosterView; selected: TreeSelection; onSelect: (s: TreeSelection) => void }) {
  const { t } = useTranslation();
  const labels = usePlaceLabels();
  const treeData = useMemo<DataNode[]>(() => {
    const index = rosterIndex(roster);
    const household = (h: (typeof index.households)[number]): DataNode => ({
      key: `household:${h.id}`,
      title: <span className="lx-clip" style={{ maxWidth: 220 }}>{`${h.room} ${h.head}`}</span>,
      isLeaf: true,
    });
    return [
      {
        key: 'all',
        title: t('roster.allHouseholds', { count: index.households.length }),
        children: index.grids.map((g) => ({
          key: `grid:${g.id}`,
          title: <span className="lx-clip" style={{ maxWidth: 220 }}>{g.name}</span>,
          children: (index.buildingsByGrid.get(g.id) ?? []).map((b) => {
            const units = index.unitsByBuilding.get(b.id) ?? [];
            const loose = (index.householdsByPlace.get(b.id) ?? []).map(household);
            return {
              key: `building:${b.id}`,
              title: <span className="lx-clip" style={{ maxWidth: 220 }}>{labels.building(b)}</span>,
              children: [
                ...units.map((u) => ({
                  key: `unit:${u.id}`,
                  title: t('roster.unitWithCount', { unit: labels.unit(u), count: index.householdsByPlace.get(u.id)?.length ?? 0 }),
                  children: (index.householdsByPlace.get(u.id) ?? []).map(household),
                })),
                ...loose,
              ],
            };
          }),
        })),
      },
    ];
  }, [roster, t, labels]);

  return (
    <Tree
      aria-label={t('roster.tree')}
      data-testid="roster-tree"
      treeData={treeData}
      height={560}
      defaultExpandedKeys={['all']}
      selectedKeys={[selectionKey(selected)]}
      onSelect={(keys) => onSelect(parseKey(String(keys[0] ?? 'all')))}
      blockNode
    />
  );
}
