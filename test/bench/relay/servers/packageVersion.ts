import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version in the nearest package.json above a resolved file (packages may not export it). */
export function packageVersion(resolvedFile: string): string {
  let dir = dirname(resolvedFile);
  while (dir !== dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { version?: unknown; name?: unknown };
      if (typeof parsed.version === 'string' && typeof parsed.name === 'string') return parsed.version;
    }
    dir = dirname(dir);
  }
  throw new Error(`no package.json with a version above ${resolvedFile}`);
}
