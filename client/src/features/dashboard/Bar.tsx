// A labelled horizontal bar: plain CSS, readable by screen readers as "label: value".
export function Bar({ label, value, display, testId }: { label: string; value: number | null; display: string; testId?: string }) {
  const pct = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <div className="lx-bar" data-testid={testId} role="group" aria-label={`${label}: ${display}`}>
      <span className="lx-clip">{label}</span>
      <div className="lx-bar__track" aria-hidden="true">
        <div className="lx-bar__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="lx-bar__value">{display}</span>
    </div>
  );
}
