import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastHousehold, fastMember, fastVisit } from './fastGuards';
import { HouseholdSchema, MemberSchema } from '../roster/rosterSchema';
import { VisitSchema } from '../work/workSchema';
import type * as z from 'zod/mini';

// Values near and across every boundary the schemas draw.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 120 }),
  fc.double(),
  fc.constantFrom('', 'x', 'Ab3_-xyz', 'bad id!', '2024-02-29', '2023-02-29', '2024-13-01', 'routine', 'hub', 'member', 'none', 'name', 'nameAndPhone', 'retired', 'secretary', 'director', 'x'.repeat(101), 'y'.repeat(5001)),
  fc.constantFrom([], ['hub'], ['hub', 'hub'], ['police', 'member'], ['nope'], [1], ['policy', 'safety']),
  fc.constant({}),
);

function recordArb(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc
    .record({
      drop: fc.subarray(keys),
      change: fc.dictionary(fc.constantFrom(...keys, 'extra'), anyValue, { maxKeys: 3 }),
    })
    .map(({ drop, change }) => {
      const out: Record<string, unknown> = { ...valid };
      for (const k of drop) delete out[k];
      for (const [k, v] of Object.entries(change)) if (v !== undefined) out[k] = v;
      return out;
    });
}

function agrees(schema: z.ZodMiniType, fast: (raw: Record<string, unknown>) => unknown, valid: Record<string, unknown>) {
  fc.assert(
    fc.property(recordArb(valid), (raw) => {
      const quick = fast(raw);
      const slow = schema.safeParse(raw);
      if (quick !== null) {
        expect(slow.success).toBe(true);
        expect(quick).toEqual(slow.data);
      }
    }),
    { numRuns: 400 },
  );
  expect(fast(valid)).toEqual(schema.parse(valid));
}

describe('fast guards agree with the zod schemas', () => {
  it('households', () => {
    agrees(HouseholdSchema, fastHousehold, { buildingId: 'b1', unitId: 'u1', room: '301', head: '徐中立', phone: '13800000000', size: 3, roles: ['hub'], memberId: 'm1', linkedAt: 5, representative: true, consent: 'name', createdAt: 1 });
  });
  it('members', () => {
    agrees(MemberSchema, fastMember, { name: '蒋全生', phone: '138', category: 'retired', duties: ['policy'], groupId: 'g1', branchPost: 'secretary', residentsPost: 'director', representative: false, householdId: 'h1', pledge: '每两周走访', consent: 'nameAndPhone', capacity: 8, active: true, createdAt: 1 });
  });
  it('visits', () => {
    agrees(VisitSchema, fastVisit, { memberId: 'm1', householdId: 'h1', date: '2024-02-29', kind: 'routine', note: '', by: 'm1', at: 1 });
  });
});
