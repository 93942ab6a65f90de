// What the setup form asked for beyond the relay's community record (the address phones open),
// handed to the secretary's first session, which writes it into the roster's settings. Kept in
// sessionStorage so a reload of the tab before the roster synced does not lose it.
const key = (communityId: string) => `lianxin:setup:${communityId}`;

export interface SetupHandoff {
  readonly publicUrl: string | null;
}

export function leaveSetupHandoff(communityId: string, value: SetupHandoff): void {
  try {
    sessionStorage.setItem(key(communityId), JSON.stringify(value));
  } catch {
    // No storage: the secretary sets the address in Settings instead.
  }
}

export function takeSetupHandoff(communityId: string): SetupHandoff | null {
  try {
    const raw = sessionStorage.getItem(key(communityId));
    if (raw === null) return null;
    sessionStorage.removeItem(key(communityId));
    const parsed = JSON.parse(raw) as Partial<SetupHandoff>;
    return { publicUrl: typeof parsed.publicUrl === 'string' ? parsed.publicUrl : null };
  } catch {
    return null;
  }
}
