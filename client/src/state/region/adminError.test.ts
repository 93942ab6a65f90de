// A refused add is said plainly: 409 names the taken id, 403 says the township is outside the region.
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zhCN';
import { RelayApiError } from '../relayApi';
import { adminError } from './useRegionAdmin';

const t = (key: string, values: Record<string, string> = {}) => {
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
};
const other = () => 'other';

describe('adminError', () => {
  it('says which id is taken, that the township is not in the region, and leaves the rest to the general words', () => {
    expect(adminError(new RelayApiError('x is already a region or a community', 409, 'id-taken'), 'bl-town', t, other)).toBe('编号 bl-town 已被使用,请换一个');
    expect(adminError(new RelayApiError('nowhere is not a township of this region', 403, 'forbidden'), 'x', t, other)).toBe('无权在这里添加(只能在本辖区的乡镇下添加)');
    expect(adminError(new RelayApiError('network', 0), 'x', t, other)).toBe('other');
  });
});
