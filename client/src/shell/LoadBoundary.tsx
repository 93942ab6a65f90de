// Catches a lazily loaded part that failed to load (its chunk not on this device, no signal):
// the part is replaced by `fallback` (nothing by default) and `onError` says so, instead of the
// error unmounting the whole app.
import { Component, type ReactNode } from 'react';

export class LoadBoundary extends Component<{ onError?: (error: unknown) => void; fallback?: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
