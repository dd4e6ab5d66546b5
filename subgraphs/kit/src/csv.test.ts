import { describe, expect, it } from 'vitest';
import { CsvHeaderError, parseCsv } from './csv';

describe('reading CSV (RFC 4180, through csv-parse)', () => {
  it('a quoted cell keeps its commas, doubled quotes and line breaks; the next row names the line it starts on', () => {
    const csv = parseCsv('id,description\n1,"Food, water and ""shelter""\nfor 3 months"\n2,plain\n');
    expect(csv.rows.map((r) => [r.line, r.values.description])).toEqual([
      [2, 'Food, water and "shelter"\nfor 3 months'],
      [4, 'plain'],
    ]);
  });

  it('keeps each row as written (without its line break), also in CRLF files, and drops a byte-order mark', () => {
    const text = '\uFEFFid,name\r\n1,"a, b"\r\n\r\n2,c\r\n';
    const csv = parseCsv(text);
    expect(csv.headerRaw).toBe('id,name');
    expect(csv.header).toEqual(['id', 'name']);
    expect(csv.rows.map((r) => [r.line, r.raw])).toEqual([
      [2, '1,"a, b"'],
      [4, '2,c'],
    ]);
  });

  it('trims cells and header names (FTS pads some cells with spaces)', () => {
    expect(parseCsv(' id , name \n 7 ,  Bangui \n').rows[0]!.values).toEqual({ id: '7', name: 'Bangui' });
  });

  it('a row with the wrong number of fields, or broken quoting, is rejected with its line; the rows around it are read', () => {
    const csv = parseCsv('id,name\n1,a\n2\n3,"unclosed\n4,d\n', [], 'test.csv');
    expect(csv.rows.map((r) => r.values.id)).toEqual(['1']);
    expect(csv.rejected[0]).toEqual({ line: 3, reason: 'expected 2 fields, found 1' });
    expect(csv.rejected.length).toBe(2);
    expect(csv.rejected[1]!.reason).toMatch(/^unreadable CSV row/);
  });

  it('refuses an empty file and one without a required column, naming it', () => {
    expect(() => parseCsv('', [], 'empty.csv')).toThrow(new CsvHeaderError('empty.csv is empty'));
    expect(() => parseCsv('id,name\n1,a\n', ['id', 'year'], 'plans.csv')).toThrow('plans.csv lacks the column(s) year');
  });
});
