import { describe, expect, it } from 'vitest';
import { buildingNumber, chineseNumeral, normalizePersonName, normalizePlaceNumber, roomNumber, searchKey, searchMatcher, unitNumber } from './placeText';

describe('place numbers', () => {
  it('reads Chinese numerals as people write them, and refuses what is not a plain number', () => {
    expect(['三', '十二', '五十八', '一百零五', '二〇一', '两百', '一千零一', '一百一十', '零'].map(chineseNumeral)).toEqual([3, 12, 58, 105, 201, 200, 1001, 110, 0]);
    expect(['一百五', '十十', '百千', ''].map(chineseNumeral)).toEqual([null, null, null, null]);
  });

  it('folds full-width digits, letters and spaces, and numerals that number a place', () => {
    expect(normalizePlaceNumber('５８号楼')).toBe('58号楼');
    expect(normalizePlaceNumber('五十八号楼')).toBe('58号楼');
    expect(normalizePlaceNumber('五十八栋')).toBe('58栋');
    expect(normalizePlaceNumber('三单元')).toBe('3单元');
    expect(normalizePlaceNumber('三楼')).toBe('3楼');
    expect(normalizePlaceNumber('二〇一室')).toBe('201室');
    expect(normalizePlaceNumber('十二')).toBe('12');
    expect(normalizePlaceNumber('一百零五')).toBe('105');
    expect(normalizePlaceNumber('58号楼三单元')).toBe('58号楼3单元');
    expect(normalizePlaceNumber('　Ａ座　１２　')).toBe('A座 12');
    expect(normalizePlaceNumber('58号楼')).toBe('58号楼');
  });

  it('leaves names with no number alone', () => {
    for (const name of ['一心小区', '龙泉花园', '张三', '五星村', '幸福里', '东户']) expect(normalizePlaceNumber(name)).toBe(name);
    expect(normalizePlaceNumber('龙泉花园三幢')).toBe('龙泉花园3幢');
  });

  it('gives the stored number of a building, unit and room', () => {
    expect(['58号楼', '５８号楼', '五十八号楼', '五十八栋', '58', '５８', ' 58 幢'].map(buildingNumber)).toEqual(Array(7).fill('58'));
    expect(buildingNumber('１２Ａ座')).toBe('12A');
    expect(buildingNumber('龙泉花园3幢')).toBe('龙泉花园3幢');
    expect(['3单元', '３单元', '三单元', '3', '三'].map(unitNumber)).toEqual(Array(5).fill('3'));
    expect(['201', '２０１', '二〇一室', '201室'].map(roomNumber)).toEqual(Array(4).fill('201'));
    expect(roomNumber('3-201')).toBe('3-201');
  });

  it('folds names without touching numerals in them', () => {
    expect(normalizePersonName(' 王　丽 ')).toBe('王丽');
    expect(normalizePersonName('张三')).toBe('张三');
    expect(normalizePersonName('Ｍａｒｙ  Ｌｉ')).toBe('Mary Li');
  });
});

describe('search keys', () => {
  const key = searchKey('58号楼3单元101 张三 13912345678 徐中立');
  const matches = (q: string) => searchMatcher(q)!(key);

  it('finds a place however its number is typed', () => {
    for (const q of ['58', '５８', '五十八号楼', '58号楼', '三单元', '３单元', '１０１']) expect(matches(q), q).toBe(true);
    expect(matches('59')).toBe(false);
  });

  it('finds a name with a numeral in it, and ignores case and spaces', () => {
    expect(matches('三')).toBe(true);
    expect(matches('张 三')).toBe(true);
    expect(searchMatcher('ＡＢ')!(searchKey('ab栋'))).toBe(true);
    expect(searchMatcher('  ')).toBeNull();
  });
});
