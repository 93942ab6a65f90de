/** Why a WebSocket was refused a slot; also the `reason` label of the rejection metric. */
export type QuotaRefusal = 'too-many-sockets' | 'too-many-sockets-for-address' | 'too-many-sockets-for-token';

export interface SocketQuotaLimits {
  readonly total: number;
  readonly perAddress: number;
  readonly perToken: number;
}

/**
 * Open WebSockets in total, per client address and per token. `acquire` takes a slot in all three
 * or none; the release it returns is idempotent, so every close path may call it.
 */
export class SocketQuota {
  private total = 0;
  private readonly byAddress = new Map<string, number>();
  private readonly byToken = new Map<string, number>();

  constructor(private readonly limits: SocketQuotaLimits) {}

  acquire(address: string, tokenId: string | null): { ok: true; release: () => void } | { ok: false; reason: QuotaRefusal } {
    if (this.total >= this.limits.total) return { ok: false, reason: 'too-many-sockets' };
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) return { ok: false, reason: 'too-many-sockets-for-address' };
    if (tokenId !== null && (this.byToken.get(tokenId) ?? 0) >= this.limits.perToken) return { ok: false, reason: 'too-many-sockets-for-token' };
    this.total++;
    bump(this.byAddress, address, 1);
    if (tokenId !== null) bump(this.byToken, tokenId, 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        bump(this.byAddress, address, -1);
        if (tokenId !== null) bump(this.byToken, tokenId, -1);
      },
    };
  }

  get open(): number {
    return this.total;
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
