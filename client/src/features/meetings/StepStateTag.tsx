import { Tag } from 'antd';
import type { StepState } from '@lianxin/model';

const COLOR: Record<StepState, string> = { pending: 'default', passed: 'success', failed: 'error', conflict: 'warning' };

export function StepStateTag({ label, state }: { label: string; state: StepState }) {
  return (
    <Tag color={COLOR[state]} data-state={state}>
      {label}
    </Tag>
  );
}
