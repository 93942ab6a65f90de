/** Defaults; the relay lets an operator change them. */
export const Limits = {
  /** Largest frame from an anonymous (public, read-only) connection. */
  maxFrameBeforeAuth: 64 * 1024,
  /** Largest frame from an authenticated connection. */
  maxFrame: 8 * 1024 * 1024,
  /** Largest encoded document the relay will grow to. */
  maxDocument: 64 * 1024 * 1024,
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: 100,
  messageBurst: 400,
} as const;
