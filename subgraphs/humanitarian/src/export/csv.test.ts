import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';

describe('CSV cells a spreadsheet would run', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [';=cmd', "';=cmd"],
    ['|calc', "'|calc"],
    ['\t=1', "'\t=1"],
    ['＝HYPERLINK("http://x")', '"\'＝HYPERLINK(""http://x"")"'],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    ['\u200B=1+1', "'\u200B=1+1"],
    ['\uFEFF=1+1', "'\uFEFF=1+1"],
    ['\u00A0 =1+1', "'\u00A0 =1+1"],
    ['\u2060\u200D+SUM(A1)', "'\u2060\u200D+SUM(A1)"],
  ])('%j is neutralised', (input, expected) => expect(csvCell(input)).toBe(expected));

  it.each(['Bangui', 'Action contre la Faim', 'a=b', '5 km', 'C\u200B=1', ''])('%j is left as written', (text) => {
    expect(csvCell(text)).toBe(text);
  });

  it('numbers are numbers, even negative ones', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });
});
