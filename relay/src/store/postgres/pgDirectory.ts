import type { Directory, InviteRecord, RevocationsSince, TokenRecord } from '../Directory';
import { SETUP_CODE_TTL_MS, StoreConflictError } from '../Directory';
import { toCommunity, toInvite, toRegion, toToken, type CommunityRow, type InviteRow, type RegionRow, type TokenRow } from '../sqliteRows';
import { isUniqueViolation } from './pgErrors';
import type { PgContext } from './pgDocumentLog';
import { LockSpace } from './pgSchema';
import type pg from 'pg';

/**
 * Runs `work` in a transaction on one client, after taking the transaction-scoped advisory lock
 * `(space, hashtext(key))`: what several processes must not interleave (an id taken by a
 * community or a region; revocation seqs committed in their order).
 */
async function locked<T>(pool: pg.Pool, space: number, key: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | boolean = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [space, key]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    broken = error instanceof Error ? error : true;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The directory on Postgres: every process of a service reads and writes the same one. */
export function createPgDirectory(ctx: PgContext): Omit<Directory, 'ping' | 'close'> {
  const { pool } = ctx;
  const one = async <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R | null> => (await ctx.read(() => pool.query<R>(text, values))).rows[0] ?? null;
  const all = async <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> => (await ctx.read(() => pool.query<R>(text, values))).rows;
  const insertOrConflict = async (what: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await ctx.write(run);
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreConflictError(`${what} exists`);
      throw error;
    }
  };

  return {
    kind: 'postgres',
    async createCommunity(c) {
      await insertOrConflict(`community ${c.id}`, () =>
        locked(pool, LockSpace.directoryId, c.id, async (client) => {
          if ((await client.query('SELECT 1 FROM regions WHERE id = $1', [c.id])).rowCount) throw new StoreConflictError(`${c.id} is a region`);
          await client.query('INSERT INTO communities (id, name, kind, created_at, township) VALUES ($1, $2, $3, $4, $5)', [c.id, c.name, c.kind, c.createdAt, c.township]);
        }),
      );
    },
    async getCommunity(id) {
      const row = await one<CommunityRow>('SELECT * FROM communities WHERE id = $1', [id]);
      return row ? toCommunity(row) : null;
    },
    async countCommunities() {
      return (await one<{ n: number }>('SELECT count(*)::int4 AS n FROM communities', []))?.n ?? 0;
    },
    async listCommunities(township) {
      return (await all<CommunityRow>('SELECT * FROM communities WHERE township = $1 ORDER BY id', [township])).map(toCommunity);
    },
    async setCommunityTownship(community, township) {
      const result = await ctx.write(() => pool.query('UPDATE communities SET township = $1 WHERE id = $2', [township, community]));
      return (result.rowCount ?? 0) > 0;
    },
    async createRegion(r) {
      await insertOrConflict(`region ${r.id}`, () =>
        locked(pool, LockSpace.directoryId, r.id, async (client) => {
          if ((await client.query('SELECT 1 FROM communities WHERE id = $1', [r.id])).rowCount) throw new StoreConflictError(`${r.id} is a community`);
          await client.query('INSERT INTO regions (id, name, level, parent, created_at) VALUES ($1, $2, $3, $4, $5)', [r.id, r.name, r.level, r.parent, r.createdAt]);
        }),
      );
    },
    async getRegion(id) {
      const row = await one<RegionRow>('SELECT * FROM regions WHERE id = $1', [id]);
      return row ? toRegion(row) : null;
    },
    async listRegions(parent) {
      return (await all<RegionRow>('SELECT * FROM regions WHERE parent = $1 ORDER BY id', [parent])).map(toRegion);
    },
    async recordToken(t: TokenRecord) {
      await insertOrConflict(`token ${t.id}`, () =>
        pool.query('INSERT INTO tokens (id, community, person, name, role, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          t.id,
          t.community,
          t.person,
          t.name,
          t.role,
          t.createdAt,
          t.expiresAt,
          t.revokedAt,
        ]),
      );
    },
    async getToken(id) {
      const row = await one<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]);
      return row ? toToken(row) : null;
    },
    async listTokens(community) {
      return (await all<TokenRow>('SELECT * FROM tokens WHERE community = $1 ORDER BY created_at, id', [community])).map(toToken);
    },
    async revokeToken(id, at) {
      // Under one lock for every revocation: a seq is taken and committed before the next is
      // taken, so a reader's cursor never passes a revocation that commits later.
      return ctx.write(() =>
        locked(pool, LockSpace.revocation, '', async (client) => {
          if (!(await client.query('SELECT 1 FROM tokens WHERE id = $1', [id])).rowCount) return false;
          const revoked = await client.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
          if (revoked.rowCount) await client.query('INSERT INTO revocations (token_id) VALUES ($1)', [id]);
          return true;
        }),
      );
    },
    async revocationsSince(cursor): Promise<RevocationsSince> {
      const rows = await all<{ seq: number; token_id: string }>('SELECT seq, token_id FROM revocations WHERE seq > $1 ORDER BY seq', [cursor]);
      const last = rows.at(-1);
      return { cursor: last ? last.seq : cursor, tokenIds: rows.map((r) => r.token_id) };
    },
    async createInvite(i: InviteRecord) {
      await insertOrConflict('invite', () =>
        pool.query('INSERT INTO invites (code_hash, community, role, name, person, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          i.codeHash,
          i.community,
          i.role,
          i.name,
          i.person,
          i.createdBy,
          i.createdAt,
          i.expiresAt,
        ]),
      );
    },
    async redeemInvite(codeHash, now) {
      // The row lock of the UPDATE makes it atomic: a second redemption finds used_at set.
      const used = await ctx.write(() => pool.query<InviteRow>('UPDATE invites SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING *', [now, codeHash]));
      const row = used.rows[0];
      if (row) return { ok: true as const, invite: toInvite(row) };
      const found = await one<InviteRow>('SELECT * FROM invites WHERE code_hash = $1', [codeHash]);
      if (!found) return { ok: false as const, reason: 'unknown' as const };
      return { ok: false as const, reason: found.used_at !== null ? ('used' as const) : ('expired' as const) };
    },
    async issueSetupCode(codeHash, at) {
      await ctx.write(async () => {
        await pool.query('DELETE FROM setup_codes WHERE issued_at <= $1', [at - SETUP_CODE_TTL_MS]);
        await pool.query('INSERT INTO setup_codes (code_hash, issued_at) VALUES ($1, $2) ON CONFLICT (code_hash) DO UPDATE SET issued_at = excluded.issued_at', [codeHash, at]);
      });
    },
    async consumeSetupCode(codeHash, now) {
      // Deletes every code if this one is good; true only for the statement that deleted this one
      // (a concurrent consumer finds the rows gone).
      const { rows } = await ctx.write(() =>
        pool.query<{ mine: number }>(
          `WITH gone AS (DELETE FROM setup_codes WHERE EXISTS (SELECT 1 FROM setup_codes WHERE code_hash = $1 AND issued_at > $2) RETURNING code_hash)
           SELECT count(*) FILTER (WHERE code_hash = $1)::int4 AS mine FROM gone`,
          [codeHash, now - SETUP_CODE_TTL_MS],
        ),
      );
      return (rows[0]?.mine ?? 0) > 0;
    },
  };
}
