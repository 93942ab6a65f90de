import { useMemo } from 'react';
import {
  addBuilding,
  addGrid,
  addHousehold,
  addMember,
  addPoints,
  addUnit,
  editBuilding,
  editGrid,
  editHousehold,
  editMember,
  setBranchPosts,
  linkHousehold,
  moveHousehold,
  removeBuilding,
  removeGrid,
  removeHousehold,
  removeMember,
  removeUnit,
  updateSettings,
  type AddHouseholdInput,
  type AddMemberInput,
  type BuildingId,
  type GridId,
  type HouseholdId,
  type HouseholdPatch,
  type MemberId,
  type BranchPost,
  type MemberPatch,
  type SettingsPatch,
  type UnitId,
} from '@lianxin/model';
import { useCommandRunner } from './useCommandRunner';

type Args<F> = F extends (doc: never, ...rest: infer A) => unknown ? A : never;
type BuildingInput = Args<typeof addBuilding>[0];
type GridInput = Args<typeof addGrid>[0];
type BuildingPatch = Args<typeof editBuilding>[1];
type GridPatch = Args<typeof editGrid>[1];
type PointsInput = Args<typeof addPoints>[0];

/** Roster commands as the signed-in person (committee; the relay refuses others). */
export function useRosterActions() {
  const run = useCommandRunner('roster');
  return useMemo(
    () => ({
      addHousehold: (input: AddHouseholdInput) => run((doc, ctx) => addHousehold(doc, input, ctx)),
      editHousehold: (id: HouseholdId, patch: HouseholdPatch) => run((doc, ctx) => editHousehold(doc, id, patch, ctx)),
      moveHousehold: (id: HouseholdId, to: { buildingId: BuildingId; unitId?: UnitId | null; room?: string }) => run((doc, ctx) => moveHousehold(doc, id, to, ctx)),
      removeHousehold: (id: HouseholdId) => run((doc, ctx) => removeHousehold(doc, id, ctx)),
      linkHousehold: (id: HouseholdId, memberId: MemberId | null) => run((doc, ctx) => linkHousehold(doc, id, memberId, ctx)),
      addMember: (input: AddMemberInput) => run((doc, ctx) => addMember(doc, input, ctx)),
      editMember: (id: MemberId, patch: MemberPatch) => run((doc, ctx) => editMember(doc, id, patch, ctx)),
      setBranchPosts: (ids: readonly MemberId[], post: BranchPost | null) => run((doc, ctx) => setBranchPosts(doc, ids, post, ctx)),
      removeMember: (id: MemberId) => run((doc, ctx) => removeMember(doc, id, ctx)),
      addGrid: (input: GridInput) => run((doc, ctx) => addGrid(doc, input, ctx)),
      editGrid: (id: GridId, patch: GridPatch) => run((doc, ctx) => editGrid(doc, id, patch, ctx)),
      removeGrid: (id: GridId) => run((doc, ctx) => removeGrid(doc, id, ctx)),
      addBuilding: (input: BuildingInput) => run((doc, ctx) => addBuilding(doc, input, ctx)),
      editBuilding: (id: BuildingId, patch: BuildingPatch) => run((doc, ctx) => editBuilding(doc, id, patch, ctx)),
      removeBuilding: (id: BuildingId) => run((doc, ctx) => removeBuilding(doc, id, ctx)),
      addUnit: (buildingId: BuildingId, number: string) => run((doc, ctx) => addUnit(doc, { buildingId, number }, ctx)),
      removeUnit: (id: UnitId) => run((doc, ctx) => removeUnit(doc, id, ctx)),
      addPoints: (input: PointsInput) => run((doc, ctx) => addPoints(doc, input, ctx)),
      updateSettings: (patch: SettingsPatch) => run((doc, ctx) => updateSettings(doc, patch, ctx)),
    }),
    [run],
  );
}
