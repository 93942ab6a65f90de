// Grids → buildings → units → households. Virtual, so 3,600 households scroll smoothly.
import { useMemo, useState } from 'react';
import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from '../../i18n/useTranslation';
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
  const [expanded, setExpanded] = useState<readonly string[]>(['all']);
  // Only expanded nodes get children: 3,600 households are built (and translated) when their
  // unit is opened, not on every roster change. Collapsed nodes say they are not leaves.
  const treeData = useMemo<DataNode[]>(() => {
    const index = rosterIndex(roster);
    const open = new Set(expanded);
    const household = (h: (typeof index.households)[number]): DataNode => ({
      key: `household:${h.id}`,
      title: <span className="lx-clip" style={{ maxWidth: 220 }}>{`${h.room} ${h.head}`}</span>,
      isLeaf: true,
    });
    const lazy = (key: string, count: number, build: () => DataNode[]): Pick<DataNode, 'isLeaf' | 'children'> =>
      count === 0 ? { isLeaf: true } : open.has(key) ? { children: build() } : { isLeaf: false };
    return [
      {
        key: 'all',
        title: t('roster.allHouseholds', { count: index.households.length }),
        ...lazy('all', index.grids.length, () =>
          index.grids.map((g) => ({
            key: `grid:${g.id}`,
            title: <span className="lx-clip" style={{ maxWidth: 220 }}>{g.name}</span>,
            ...lazy(`grid:${g.id}`, index.buildingsByGrid.get(g.id)?.length ?? 0, () =>
              (index.buildingsByGrid.get(g.id) ?? []).map((b) => ({
                key: `building:${b.id}`,
                title: <span className="lx-clip" style={{ maxWidth: 220 }}>{labels.building(b)}</span>,
                ...lazy(`building:${b.id}`, (index.unitsByBuilding.get(b.id)?.length ?? 0) + (index.householdsByPlace.get(b.id)?.length ?? 0), () => [
                  ...(index.unitsByBuilding.get(b.id) ?? []).map((u) => ({
                    key: `unit:${u.id}`,
                    title: t('roster.unitWithCount', { unit: labels.unit(u), count: index.householdsByPlace.get(u.id)?.length ?? 0 }),
                    ...lazy(`unit:${u.id}`, index.householdsByPlace.get(u.id)?.length ?? 0, () => (index.householdsByPlace.get(u.id) ?? []).map(household)),
                  })),
                  ...(index.householdsByPlace.get(b.id) ?? []).map(household),
                ]),
              })),
            ),
          })),
        ),
      },
    ];
  }, [roster, t, labels, expanded]);

  return (
    <Tree
      aria-label={t('roster.tree')}
      data-testid="roster-tree"
      treeData={treeData}
      height={560}
      expandedKeys={expanded as string[]}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={[selectionKey(selected)]}
      onSelect={(keys) => onSelect(parseKey(String(keys[0] ?? 'all')))}
      blockNode
    />
  );
}
