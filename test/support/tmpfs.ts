/**
 * A small real tmpfs for full-disk tests (mounting needs root, which CI has). Where the mount is
 * refused to a user who is not root, `mounted` is false and `why` says so: the caller skips with
 * that message, and only then. As root a refused mount throws, so CI cannot skip them silently.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  readonly path: string;
  readonly mounted: boolean;
  /** why the mount was refused ('' when mounted) */
  readonly why: string;
  /** Fills the file system with a new file until at most `leaveBytes` are free. */
  fill(leaveBytes: number): void;
  /** Removes every file `fill` made. */
  free(): void;
  freeBytes(): number;
  unmount(): void;
}

export function mountTmpfs(sizeMiB: number, prefix = 'lianxin-tmpfs-'): Tmpfs {
  const path = mkdtempSync(join(tmpdir(), prefix));
  let mounted = false;
  let why = '';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', path], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    why = `could not mount a ${sizeMiB} MiB tmpfs at ${path} (${String((error as { stderr?: Buffer }).stderr ?? error).trim()}); mounting needs root`;
    // As root (CI) a refused mount is a broken machine, not a reason to skip the full-disk tests.
    if (process.getuid?.() === 0) throw new Error(why);
  }
  const fillers: string[] = [];
  const freeBytes = (): number => {
    const s = statfsSync(path);
    return s.bavail * s.bsize;
  };
  return {
    path,
    mounted,
    why,
    freeBytes,
    fill(leaveBytes) {
      const file = join(path, `filler-${fillers.length}`);
      fillers.push(file);
      const fd = openSync(file, 'w');
      try {
        for (const chunk of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
          const bytes = Buffer.alloc(chunk, 1);
          while (freeBytes() - chunk >= leaveBytes) {
            try {
              writeSync(fd, bytes);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      for (const f of fillers.splice(0)) unlinkSync(f);
    },
    unmount() {
      // Lazily if something still holds a file there, so no mount outlives the test.
      if (mounted) execFileSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
