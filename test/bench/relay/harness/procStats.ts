// Server cost as the kernel sees it: CPU time from /proc/<pid>/stat, peak resident memory from
// VmHWM in /proc/<pid>/status. Linux only, which is what the bench runs on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const parsed = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(parsed) && parsed > 0 ? parsed : 100;
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after its closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Peak resident set size in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  if (match?.[1] === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * Nanoseconds the process's main thread has spent waiting for a CPU while runnable (second
 * field of /proc/<pid>/schedstat): how much other work on a shared core held it back.
 */
export function runQueueWaitNs(pid: number | 'self'): number {
  const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
  return Number(fields[1]);
}

/**
 * Seconds core `core` ran tasks or was taken by the hypervisor (user, nice, system and steal from
 * its line in /proc/stat). Less the server's own CPU time: what other work took of the server's
 * core. irq and softirq time are left out: on loopback it is mostly the server's own sends.
 */
export function coreBusySeconds(core: number, stat: string = readFileSync('/proc/stat', 'utf8')): number {
  const line = stat.split('\n').find((l) => l.startsWith(`cpu${core} `));
  if (line === undefined) throw new Error(`no cpu${core} line in /proc/stat`);
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = [0, 1, 2, 7].reduce((sum, i) => sum + (fields[i] ?? 0), 0);
  return busy / clockTicks();
}
