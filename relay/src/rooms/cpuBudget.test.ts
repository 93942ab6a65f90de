import { describe, expect, it } from 'vitest';
import { CpuBudget, cpuMsSince } from './cpuBudget';

describe('CpuBudget', () => {
  it('lets work run into debt once, then refuses until the refill pays it', () => {
    const b = new CpuBudget(10, 50, 0);
    expect(b.available(0)).toBe(true);
    b.spend(80, 0); // one expensive message: done, measured after
    expect(b.available(0)).toBe(false);
    expect(b.available(2_900)).toBe(false); // -30 + 29
    expect(b.available(3_100)).toBe(true);
  });
  it('refills to its burst, not beyond', () => {
    const b = new CpuBudget(10, 50, 0);
    b.spend(49, 100_000);
    expect(b.available(100_000)).toBe(true);
    b.spend(2, 100_000);
    expect(b.available(100_000)).toBe(false);
  });
  it('is off at a rate of 0', () => {
    const b = new CpuBudget(0, 1, 0);
    b.spend(1e9, 0);
    expect(b.available(0)).toBe(true);
  });
});

describe('cpuMsSince', () => {
  it('counts CPU time, not time spent waiting', async () => {
    const idle = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 200));
    expect(cpuMsSince(idle)).toBeLessThan(100);
    const busy = process.cpuUsage();
    const from = performance.now();
    let x = 0;
    for (let i = 0; i < 5_000_000; i++) x += Math.sqrt(i);
    const wall = performance.now() - from;
    expect(x).toBeGreaterThan(0);
    const cpu = cpuMsSince(busy);
    expect(cpu).toBeGreaterThan(0);
    expect(cpu).toBeLessThanOrEqual(wall + 5);
  });
});
