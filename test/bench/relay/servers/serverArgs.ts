// The command line every bench server launcher accepts: `--port P --host H`, the same shape as
// `lianxin relay serve`, so the harness starts all three servers the same way.
export interface ServerArgs {
  readonly port: number;
  readonly host: string;
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  let port = Number.NaN;
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port' && value !== undefined) {
      port = Number(value);
      i++;
    } else if (flag === '--host' && value !== undefined) {
      host = value;
      i++;
    } else {
      throw new Error(`unknown argument ${flag ?? ''}: expected --port <n> [--host <address>]`);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('--port <n> is required (0..65535)');
  }
  return { port, host };
}

/** The one line the harness waits for, shaped like the relay's pino "listening" line. */
export function printListening(fields: Record<string, string | number>): void {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', ...fields })}\n`);
}
