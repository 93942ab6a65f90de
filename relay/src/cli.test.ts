// The command line, run as a real process: JSON on stdout, clear errors and exit codes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyToken } from './auth/token';
import { loadSecret } from './auth/secret';
import { runCommand, UsageError, type CliValues } from './cliCommands';
import { runCli, tempDataDir } from '../../test/support/relayProcess';

const data = tempDataDir();

describe('relay CLI', () => {
  it('community create, token and revoke print JSON; tokens verify with the data folder’s secret', async () => {
    const created = await runCli(['community', 'create', 'maple', '--name', '枫林社区', '--kind', 'village', '--data', data]);
    expect(created.code).toBe(0);
    const c = JSON.parse(created.stdout) as { community: string; token: string; tokenId: string };
    expect(c.community).toBe('maple');
    const secret = loadSecret(data, {});
    expect(verifyToken(c.token, secret, Date.now() / 1000)).toMatchObject({ ok: true, claims: { cid: 'maple', role: 'secretary', jti: c.tokenId } });

    const issued = await runCli(['token', 'maple', '--role', 'member', '--name', '王芳', '--ttl', '12h', '--data', data]);
    expect(issued.code).toBe(0);
    const t = JSON.parse(issued.stdout) as { token: string; tokenId: string };
    const verified = verifyToken(t.token, secret, Date.now() / 1000);
    expect(verified).toMatchObject({ ok: true, claims: { role: 'member', name: '王芳', jti: t.tokenId } });
    if (verified.ok) expect(verified.claims.exp - Date.now() / 1000).toBeGreaterThan(12 * 3600 - 60);

    const revoked = await runCli(['revoke', t.tokenId, '--data', data]);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: true, tokenId: t.tokenId });
  });

  it('exits 2 with the message and the usage on stderr for bad arguments', async () => {
    const [badRole, unknownOption, none] = await Promise.all([
      runCli(['token', 'maple', '--role', 'admin', '--name', 'x', '--data', data]),
      runCli(['serve', '--colour', 'red']),
      runCli([]),
    ]);
    for (const [result, message] of [
      [badRole, /--role must be one of secretary, committee, member/],
      [unknownOption, /Unknown option '--colour'/],
      [none, /usage:/],
    ] as const) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('relay serve [--port 8787]');
      expect(result.stdout).toBe('');
    }
  });

  it.each([
    [['token', 'maple', '--role', 'member'], /missing --name/],
    [['token', 'maple', '--role', 'member', '--name', 'x', '--ttl', 'forever'], /--ttl/],
    [['token', 'Bad'], /community or region id "Bad" is not valid/],
    [['community', 'create', 'Bad Id', '--name', 'x'], /community id/],
    [['community', 'create', 'ok-id'], /missing --name/],
    [['community', 'create', 'ok-id', '--name', 'x', '--kind', 'city'], /--kind must be one of/],
    [['community', 'delete', 'ok-id'], /community create/],
    [['serve', '--port', 'abc'], /--port/],
    [['revoke'], /expected: revoke/],
    [['launch'], /unknown command/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const values: CliValues = {};
    const positionals: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a.startsWith('--')) values[a.slice(2) as keyof CliValues] = args[++i];
      else positionals.push(a);
    }
    const printed: unknown[] = [];
    await expect(runCommand(positionals, { ...values, data }, (v) => printed.push(v))).rejects.toThrow(UsageError);
    await expect(runCommand(positionals, { ...values, data }, (v) => printed.push(v))).rejects.toThrow(message);
    expect(printed).toEqual([]);
  });

  it('community create makes a data folder that does not exist yet; token and revoke say what to do instead', async () => {
    const fresh = join(data, 'fresh', 'nested');
    const created = await runCli(['community', 'create', 'birch', '--name', '白桦村', '--data', fresh]);
    expect(created.code, created.stderr).toBe(0);
    expect(existsSync(join(fresh, 'secret'))).toBe(true);

    const missing = join(data, 'missing');
    const [token, revoke] = await Promise.all([
      runCli(['token', 'birch', '--role', 'member', '--name', 'x', '--data', missing]),
      runCli(['revoke', 'abc', '--data', missing]),
    ]);
    for (const r of [token, revoke]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no relay data in .*community create/);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 1 when the command cannot be done', async () => {
    const [unknownToken, unknownCommunity, twice] = await Promise.all([
      runCli(['revoke', 'nope', '--data', data]),
      runCli(['token', 'nowhere', '--role', 'member', '--name', 'x', '--data', data]),
      runCli(['community', 'create', 'maple', '--name', 'again', '--data', data]),
    ]);
    expect(unknownToken.code).toBe(1);
    expect(unknownToken.stderr).toMatch(/unknown token id/);
    expect(unknownCommunity.code).toBe(1);
    expect(unknownCommunity.stderr).toMatch(/unknown community or region nowhere/);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already exists/);
  });

  it('serve refuses a misconfiguration at start, naming what to set', async () => {
    const bad = await runCli(['serve', '--port', '0', '--data', data], { LIANXIN_MAX_FRAME: 'lots' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/LIANXIN_MAX_FRAME/);
    const weak = await runCli(['serve', '--port', '0', '--data', data], { LIANXIN_SECRET: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/LIANXIN_SECRET must be at least 32/);
  });
});
