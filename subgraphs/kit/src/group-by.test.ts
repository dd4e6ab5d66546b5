import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps groups and their items in first-seen order', () => {
    const groups = groupBy([{ k: 'b', n: 1 }, { k: 'a', n: 2 }, { k: 'b', n: 3 }], (x) => x.k);
    expect([...groups]).toEqual([['b', [{ k: 'b', n: 1 }, { k: 'b', n: 3 }]], ['a', [{ k: 'a', n: 2 }]]]);
  });

  it('keeps null apart from the string "null", and gives an empty map for no items', () => {
    expect([...groupBy([null, 'null', null], (x) => x).keys()]).toEqual([null, 'null']);
    expect(groupBy([], (x) => x).size).toBe(0);
  });
});
