import type { XmlFragment } from 'yjs';

/** The part of y-protocols' Awareness the caret extension uses. */
export interface AwarenessLike {
  setLocalStateField(field: string, value: unknown): void;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change' | 'update', listener: (...args: never[]) => void): void;
  off(event: 'change' | 'update', listener: (...args: never[]) => void): void;
}

/**
 * What the minutes editor needs, handed over by `useMinutesEditor`. The editor binds TipTap to
 * these objects; it never creates, reads or writes them itself.
 */
export interface MinutesBinding {
  /** the shared rich text of one meeting's minutes */
  readonly fragment: XmlFragment;
  /** the connection's awareness, for carets (what y-websocket's provider exposes) */
  readonly provider: { readonly awareness: AwarenessLike };
  /** shown on this person's caret to others: from the token claims */
  readonly user: { readonly name: string; readonly color: string };
  readonly editable: boolean;
}
