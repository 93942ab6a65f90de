// 楼栋负责人 (干部联片) where a secretary looks: on the building she has selected in the roster,
// not only in the building's edit drawer. Committee members (两委) are offered first; the
// service board names whoever is chosen.
import { Select, Space, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, type BuildingId, type MemberId, type RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { useRosterActions } from '../../state/useRosterActions';
import { useText } from '../../state/useText';

export function BuildingCadrePicker({ roster, buildingId, editable }: { roster: RosterView; buildingId: BuildingId; editable: boolean }) {
  const { t } = useTranslation();
  const text = useText();
  const actions = useRosterActions();
  const building = roster.buildings.get(buildingId);
  if (!building) return null;
  const members = rosterIndex(roster).members.filter((m) => m.active);
  const post = (m: (typeof members)[number]) => (m.branchPost ? text(LABELS.branchPost[m.branchPost]) : m.residentsPost ? text(LABELS.residentsPost[m.residentsPost]) : null);
  const committee = members.filter((m) => post(m) !== null);
  const others = members.filter((m) => post(m) === null);
  const option = (m: (typeof members)[number]) => ({ value: m.id, label: post(m) ? `${m.name}(${post(m)})` : m.name, search: m.name });
  const cadre = building.cadreId ? roster.members.get(building.cadreId) : undefined;
  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="building-cadre">
      <Typography.Text id="building-cadre-label">{t('roster.buildingCadre')}</Typography.Text>
      {editable ? (
        <Select<string | null>
          aria-labelledby="building-cadre-label"
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          style={{ minWidth: 220 }}
          placeholder={t('roster.buildingCadreNone')}
          value={building.cadreId ?? null}
          onChange={(v) => actions.editBuilding(buildingId, { cadreId: (v ?? null) as MemberId | null })}
          options={[
            { label: t('roster.buildingCadreCommittee'), options: committee.map(option) },
            { label: t('roster.buildingCadreOthers'), options: others.map(option) },
          ].filter((g) => g.options.length > 0)}
          data-testid="building-cadre-select"
        />
      ) : (
        <Typography.Text strong className="lx-clip">
          {cadre?.name ?? t('roster.buildingCadreNone')}
        </Typography.Text>
      )}
    </Space>
  );
}
