// The search of a Select whose options name places (58号楼3单元101 陈秀英): typed ５８, 五十八号楼
// or ３单元 finds them, as the roster page's search does.
import { searchKey, searchMatcher } from '@lianxin/model';

/** For `showSearch` of an antd Select whose option labels are plain text. */
export const placeSearch = {
  filterOption: (input: string, option?: { readonly label?: unknown }): boolean => {
    const matches = searchMatcher(input);
    return !matches || matches(searchKey(typeof option?.label === 'string' ? option.label : ''));
  },
};
