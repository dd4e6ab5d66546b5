import { describe, expect, it } from 'vitest';
import { checkAreaFilter, discloseCount, isSensitive, snapToMonths, suppressTable, type TableCell } from './disclosure';

const cells = (values: Record<string, number>, visible: Record<string, number> = {}): TableCell[] =>
  Object.entries(values).map(([key, total]) => ({ key, total, visible: visible[key] ?? 0 }));

describe('disclosure control', () => {
  it('primary: the part a caller cannot list must be 0 or at least the threshold', () => {
    expect(isSensitive({ total: 0, visible: 0 }, 5)).toBe(false);
    expect(isSensitive({ total: 3, visible: 0 }, 5)).toBe(true);
    expect(isSensitive({ total: 5, visible: 0 }, 5)).toBe(false);
    // a partner who lists 4 of 7 rows must not learn the other 3 by subtraction
    expect(isSensitive({ total: 7, visible: 4 }, 5)).toBe(true);
    expect(isSensitive({ total: 3, visible: 3 }, 5)).toBe(false);
    expect(discloseCount(2)).toEqual({ value: null, suppressed: true });
    expect(discloseCount(12)).toEqual({ value: 12, suppressed: false });
  });

  it('complementary: one suppressed member of a served total takes its next-smallest sibling with it', () => {
    const table = cells({ a: 2, b: 9, c: 6, total: 17 });
    const withheld = suppressTable(table, [{ members: ['a', 'b', 'c'], total: 'total' }], { threshold: 5 });
    expect([...withheld].sort()).toEqual(['a', 'c']);
    // nothing can be solved: two unknowns, one equation, and their sum (8) is not small
  });

  it('complementary: suppressed members whose sum is still small take another one', () => {
    const table = cells({ a: 1, b: 1, c: 6, d: 30, total: 38 });
    const withheld = suppressTable(table, [{ members: ['a', 'b', 'c', 'd'], total: 'total' }], { threshold: 5 });
    expect([...withheld].sort()).toEqual(['a', 'b', 'c']);
  });

  it('complementary: with no sibling left to withhold, the total goes', () => {
    const table = cells({ a: 3, b: 0, total: 3 }, {});
    expect([...suppressTable(table, [{ members: ['a', 'b'], total: 'total' }], { threshold: 5 })].sort()).toEqual(['a', 'total']);
    const listed = cells({ a: 3, b: 8, total: 11 }, { b: 8 });
    expect([...suppressTable(listed, [{ members: ['a', 'b'], total: 'total' }], { threshold: 5 })].sort()).toEqual(['a', 'total']);
  });

  it('a toggle (with / without refuted) cannot be differenced: the small difference withholds one side', () => {
    const table = cells({ unrefuted: 9, refuted: 1, all: 10 });
    const withheld = suppressTable(table, [{ members: ['unrefuted', 'refuted'], total: 'all' }], { threshold: 5 });
    expect(withheld.has('refuted')).toBe(true);
    expect(withheld.has('unrefuted') || withheld.has('all')).toBe(true);
  });

  it('alsoWithhold: cells withheld for another reason are protected like suppressed ones', () => {
    const table = cells({ a: 20, b: 30, total: 50 });
    expect([...suppressTable(table, [{ members: ['a', 'b'], total: 'total' }], { threshold: 5, alsoWithhold: ['a'] })].sort()).toEqual(['a', 'b']);
  });

  it('is deterministic, whatever the order cells arrive in', () => {
    const table = cells({ a: 2, b: 6, c: 6, total: 14 });
    const relation = [{ members: ['a', 'b', 'c'], total: 'total' }];
    expect([...suppressTable(table, relation, { threshold: 5 })].sort()).toEqual([...suppressTable([...table].reverse(), relation, { threshold: 5 })].sort());
  });

  it('date ranges are snapped to whole months; finer area filters are refused', () => {
    expect(snapToMonths('2025-03-10', '2025-04-02')).toEqual({ fromMonth: '2025-03', toMonth: '2025-04' });
    const levels: Record<string, 1 | 2> = { CF43: 1, CF431: 2 }; // OCHA: Ouaka and its sous-préfecture Bambari
    const levelOf = (p: string) => levels[p];
    expect(() => checkAreaFilter('filter.adminAreaPcode', 'CF431', 1, levelOf)).toThrow(/admin2 area \(CF431\) but counts are grouped by admin1/);
    expect(() => checkAreaFilter('filter.adminAreaPcode', 'CF43', 1, levelOf)).not.toThrow();
    expect(() => checkAreaFilter('filter.adminAreaPcode', 'CF', 1, levelOf)).not.toThrow();
    expect(() => checkAreaFilter('filter.adminAreaPcode', 'CF431', 2, levelOf)).not.toThrow();
  });
});
