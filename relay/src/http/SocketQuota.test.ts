import { describe, expect, it } from 'vitest';
import { SocketQuota } from './SocketQuota';

describe('SocketQuota', () => {
  it('refuses past each limit, takes a slot in all three or none, and frees it once on release', () => {
    const quota = new SocketQuota({ total: 3, perAddress: 2, perToken: 1 });
    const a = quota.acquire('10.0.0.1', 't1');
    expect(a.ok).toBe(true);
    expect(quota.acquire('10.0.0.2', 't1')).toEqual({ ok: false, reason: 'too-many-sockets-for-token' });
    const b = quota.acquire('10.0.0.1', null);
    expect(b.ok).toBe(true);
    expect(quota.acquire('10.0.0.1', 't2')).toEqual({ ok: false, reason: 'too-many-sockets-for-address' });
    expect(quota.acquire('10.0.0.3', 't3').ok).toBe(true);
    expect(quota.acquire('10.0.0.4', null)).toEqual({ ok: false, reason: 'too-many-sockets' });
    expect(quota.open).toBe(3);
    if (!a.ok) throw new Error('unreachable');
    a.release();
    a.release();
    expect(quota.open).toBe(2);
    expect(quota.acquire('10.0.0.2', 't1').ok).toBe(true);
  });
});
