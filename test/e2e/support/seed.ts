/**
 * A small real community for the e2e tests, written through the relay like any committee
 * device would: model commands on a Y.Doc, sent over a real WebSocket, stored by the relay.
 */
import * as Y from 'yjs';
import { peekTokenClaims } from '@lianxin/protocol';
import {
  addBuilding,
  addGrid,
  addHousehold,
  addMember,
  isDone,
  updateSettings,
  type CommandResult,
  type MemberId,
} from '@lianxin/model';
import { connect } from '../../support/syncClient';
import { createCommunity, createToken, type RelayProcess } from '../../support/relayProcess';

function ok<T>(result: CommandResult<T>): T {
  if (!isDone(result)) throw new Error(`seed command rejected: ${result.message.en}`);
  return result.value;
}

export interface SeededCommunity {
  readonly id: string;
  readonly name: string;
  readonly secretaryToken: string;
  readonly members: { readonly secretary: MemberId; readonly committee: MemberId; readonly member: MemberId };
  /** households linked to the party member */
  readonly memberHouseholds: readonly string[];
  readonly householdCount: number;
}

/** Writes one document through the relay with a committee token and waits until it is stored. */
export async function writeDoc(relay: RelayProcess, room: string, token: string, change: (doc: Y.Doc) => void): Promise<void> {
  const client = await connect(relay.wsUrl, room, token);
  try {
    await client.waitSynced(10_000);
    const count = client.write(change);
    await client.waitStored(count, 10_000);
  } finally {
    await client.close();
  }
}

/** Reads what the relay holds for a room, through a fresh connection. */
export async function readDoc(relay: RelayProcess, room: string, token: string | null): Promise<Y.Doc> {
  const client = await connect(relay.wsUrl, room, token);
  try {
    await client.waitSynced(10_000);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
    return copy;
  } finally {
    await client.close();
  }
}

/**
 * Community `id`: 2 grids, 3 buildings of 2 units, 4 households per unit (24), a secretary
 * (branch secretary, also director), a committee member (grid leader) and a party member linked
 * to 6 households, some of them representatives.
 */
export async function seedCommunity(relay: RelayProcess, id: string, name = '刘村社区'): Promise<SeededCommunity> {
  const { token } = await createCommunity(relay.dataDir, id, name, 'urban');
  const ctx = { actor: peekTokenClaims(token)?.sub ?? 'seed', now: Date.now() - 30 * 86_400_000 };
  let members!: SeededCommunity['members'];
  const memberHouseholds: string[] = [];
  let householdCount = 0;
  await writeDoc(relay, `${id}/roster`, token, (doc) => {
    ok(updateSettings(doc, { name, kind: 'urban', township: '豫龙镇', phone: '0371-12345678' }, ctx));
    const secretary = ok(addMember(doc, { name: '张书记', category: 'employed', branchPost: 'secretary', residentsPost: 'director', representative: true, consent: 'nameAndPhone', phone: '13800000001' }, ctx));
    const committee = ok(addMember(doc, { name: '李委员', category: 'employed', branchPost: 'member', residentsPost: 'member', representative: true, consent: 'nameAndPhone', phone: '13800000002' }, ctx));
    const member = ok(addMember(doc, { name: '王党员', category: 'retired', duties: ['information', 'mediation'], consent: 'name', phone: '13800000003', pledge: '每两周走访一次' }, ctx));
    ok(addMember(doc, { name: '赵党员', category: 'retired', duties: ['sanitation'], representative: true }, ctx));
    ok(addMember(doc, { name: '钱党员', category: 'mobile', duties: ['policy'] }, ctx));
    members = { secretary, committee, member };
    const grids = [ok(addGrid(doc, { name: '第一网格', leaderId: committee }, ctx)), ok(addGrid(doc, { name: '第二网格', leaderId: secretary }, ctx))];
    const buildings = [
      ok(addBuilding(doc, { gridId: grids[0]!, number: '58', cadreId: committee, units: ['1', '2'] }, ctx)),
      ok(addBuilding(doc, { gridId: grids[0]!, number: '59', cadreId: committee, units: ['1', '2'] }, ctx)),
      ok(addBuilding(doc, { gridId: grids[1]!, number: '60', cadreId: secretary, units: ['1', '2'] }, ctx)),
    ];
    const heads = ['徐中立', '陈秀英', '刘建国', '杨桂兰', '黄志强', '周美玲', '吴国华', '郑丽娟'];
    let n = 0;
    for (const b of buildings) {
      for (const unitId of b.unitIds) {
        for (let floor = 1; floor <= 4; floor++) {
          const linked = memberHouseholds.length < 6 ? member : n % 2 === 0 ? committee : null;
          const hid = ok(
            addHousehold(
              doc,
              { buildingId: b.buildingId, unitId, room: `${floor}01`, head: heads[n % heads.length]!, phone: `1390000${String(1000 + n)}`, size: 1 + (n % 4), representative: n % 5 === 0, consent: 'name', memberId: linked },
              ctx,
            ),
          );
          if (linked === member) memberHouseholds.push(hid);
          n++;
        }
      }
    }
    householdCount = n;
  });
  return { id, name, secretaryToken: token, members, memberHouseholds, householdCount };
}

/** A token for a role in the seeded community, as the relay's CLI issues it. */
export async function tokenFor(relay: RelayProcess, communityId: string, role: 'secretary' | 'committee' | 'member', name: string) {
  const { token, tokenId } = await createToken(relay.dataDir, communityId, role, name);
  const claims = peekTokenClaims(token);
  if (!claims) throw new Error('unreadable token');
  return { token, tokenId, personId: claims.sub };
}
