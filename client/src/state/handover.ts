// What a revoked or expired device keeps of a community after its copy is removed: only the
// changes the relay never confirmed, to be handed to the secretary as a file (issue 20, item 2).
// Kept in localStorage (small, and it survives closing the tab) until downloaded or discarded.

export interface Handover {
  readonly key: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly personName: string;
  readonly reason: 'revoked' | 'expired' | 'other';
  /** ms since epoch */
  readonly at: number;
  /** per document: the unconfirmed changes as a base64 Yjs update */
  readonly docs: readonly { readonly doc: string; readonly pending: number; readonly update: string }[];
}

const PREFIX = 'lianxin.handover.';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Keeps the handover; false when the device cannot (then the caller must not remove the copy). */
export function saveHandover(input: Omit<Handover, 'key' | 'docs'> & { docs: readonly { doc: string; pending: number; update: Uint8Array }[] }): boolean {
  const key = `${PREFIX}${input.communityId}.${input.at}`;
  const value: Handover = { ...input, key, docs: input.docs.map((d) => ({ doc: d.doc, pending: d.pending, update: toBase64(d.update) })) };
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function listHandovers(communityId?: string): Handover[] {
  const out: Handover[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Handover | null;
      if (value && (communityId === undefined || value.communityId === communityId)) out.push(value);
    }
  } catch {
    // unreadable storage: nothing kept
  }
  return out.sort((a, b) => b.at - a.at);
}

export function discardHandover(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** The file a person hands over: the changes, and what they are, in words. */
export function handoverFile(h: Handover): { name: string; content: string } {
  const day = new Date(h.at).toISOString().slice(0, 10);
  const content = JSON.stringify(
    {
      what: 'Lianxin: changes made on a device whose access ended before the relay stored them (Yjs updates, base64). 连心:设备访问结束前未上传到服务器的改动。',
      community: { id: h.communityId, name: h.communityName },
      person: h.personName,
      reason: h.reason,
      at: new Date(h.at).toISOString(),
      docs: h.docs,
    },
    null,
    2,
  );
  return { name: `lianxin-${h.communityId}-unsent-${day}.json`, content };
}
