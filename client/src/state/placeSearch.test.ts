import { describe, expect, it } from 'vitest';
import { placeSearch } from './placeSearch';

describe('placeSearch', () => {
  const options = ['58号楼3单元101 陈秀英', '59号楼1单元201 张三', '龙泉花园3幢 李四'].map((label) => ({ label }));
  const find = (q: string) => options.filter((o) => placeSearch.filterOption(q, o)).map((o) => o.label.split(' ')[1]);

  it('finds a household however its place is typed (issue 20, item 4)', () => {
    expect(find('５８')).toEqual(['陈秀英']);
    expect(find('五十八号楼')).toEqual(['陈秀英']);
    expect(find('３单元')).toEqual(['陈秀英']);
    expect(find('二〇一')).toEqual(['张三']);
    // 三 is both a digit (3单元, 3幢) and part of a name (张三).
    expect(find('三')).toEqual(['陈秀英', '张三', '李四']);
    expect(find('龙泉花园三幢')).toEqual(['李四']);
    expect(find('')).toHaveLength(3);
  });
});
