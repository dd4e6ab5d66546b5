import { describe, expect, it } from 'vitest';
import { parseCsv } from '@peacegraph/kit';
import { toCsv, type CsvCell } from './csv';

/** One cell as written in the file (without the row's line break). */
const cell = (value: CsvCell) => toCsv([[value]]).replace(/\r\n$/, '');

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
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('%j is neutralised', (input, expected) => expect(cell(input)).toBe(expected));

  it.each(['Bangui', 'Action contre la Faim', 'a=b', '5 km', 'C\u200B=1'])('%j is left as written', (text) => {
    expect(cell(text)).toBe(text);
  });

  it('numbers are numbers, even negative ones; an absent value is an empty cell', () => {
    expect(cell(-5)).toBe('-5');
    expect(cell(null)).toBe('');
    expect(cell(undefined)).toBe('');
    expect(cell('')).toBe('');
  });

  it('a lone carriage return is quoted, so no reader splits the row there', () => {
    expect(cell('a\rb')).toBe('"a\rb"');
  });
});

describe('CSV rows (RFC 4180)', () => {
  it('quotes separators, quotes and line breaks, ends every row with CRLF, and reads back as written', () => {
    const rows: CsvCell[][] = [
      ['Organisation', 'Remarks', 'Targeted'],
      ['ACF, Bria', 'say "hi"\nand PK3', 120],
      ['IRC', null, 0],
    ];
    const text = toCsv(rows);
    expect(text).toBe('Organisation,Remarks,Targeted\r\n"ACF, Bria","say ""hi""\nand PK3",120\r\nIRC,,0\r\n');
    expect(parseCsv(text).rows.map((r) => r.values)).toEqual([
      { Organisation: 'ACF, Bria', Remarks: 'say "hi"\nand PK3', Targeted: '120' },
      { Organisation: 'IRC', Remarks: '', Targeted: '0' },
    ]);
  });
});

describe('CSV cells', () => {
  it('quote separators and neutralise text a spreadsheet would run as a formula', () => {
    expect(toCsv([['a,b', 'say "hi"', '=HYPERLINK("http://x")', '@SUM(A1)', -3, null]])).toBe(`"a,b","say ""hi""","'=HYPERLINK(""http://x"")",'@SUM(A1),-3,\r\n`);
  });
});
