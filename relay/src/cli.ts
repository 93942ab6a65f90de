#!/usr/bin/env node
/**
 * The relay's command line (JSON on stdout, errors on stderr):
 *   serve [--port 8787] [--host 127.0.0.1] [--data ./data] [--static client/dist] [--store sqlite|memory|postgres://…] [--bus redis://…]
 *   region create <id> --name <name> --level county|township [--county <id>] [--staff <name>] [--data DIR]
 *   community create <id> --name <name> [--kind urban|village] [--township <id>] [--secretary <name>] [--data DIR]
 *   community township <id> <township>|none [--data DIR]
 *   token <community|region> --role secretary|committee|member|township|county --name <name> [--ttl 30d] [--person <id>] [--data DIR]
 *   revoke <tokenId> [--data DIR]
 * Exit 2: bad arguments; 1: the command failed; 0: done.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_PORT, ENV_VARS } from './config';
import { runCommand, UsageError } from './cliCommands';

const USAGE = `usage:
  relay serve [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--data ./data] [--static client/dist] [--store sqlite|memory|postgres://…] [--bus redis://…]
  relay region create <id> --name <name> --level county|township [--county <id>] [--staff <name>] [--data DIR]
  relay community create <id> --name <name> [--kind urban|village] [--township <id>] [--secretary <name>] [--data DIR]
  relay community township <id> <township>|none [--data DIR]
  relay token <community|region> --role secretary|committee|member|township|county --name <name> [--ttl 30d] [--person <id>] [--data DIR]
  relay revoke <tokenId> [--data DIR]
environment:
${Object.entries(ENV_VARS)
  .map(([k, v]) => `  ${k}: ${v}`)
  .join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        static: { type: 'string' },
        store: { type: 'string' },
        bus: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        secretary: { type: 'string' },
        role: { type: 'string' },
        ttl: { type: 'string' },
        person: { type: 'string' },
        level: { type: 'string' },
        county: { type: 'string' },
        township: { type: 'string' },
        staff: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    process.stderr.write(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  try {
    return await runCommand(parsed.positionals, parsed.values, (value) => process.stdout.write(JSON.stringify(value) + '\n'));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// `serve` keeps running; the others exit with their code.
if (code !== -1) process.exit(code);
