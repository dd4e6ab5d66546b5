import { describe, expect, it } from 'vitest';
import { dedupeRepresentations } from './entity-representations';

const area = (pcode: string) => ({ __typename: 'AdminArea', pcode });

describe('dedupeRepresentations', () => {
  it('sends each entity once and gives every position its answer back, in order', () => {
    const representations = [area('CF71'), area('CF43'), area('CF71'), area('CF52'), area('CF43')];
    const deduped = dedupeRepresentations({ representations, other: 1 })!;
    expect(deduped.variables).toEqual({ representations: [area('CF71'), area('CF43'), area('CF52')], other: 1 });
    const answer = deduped.expand({ data: { _entities: [{ name: 'Ombella' }, { name: 'Ouham' }, { name: 'Nana' }] } });
    expect(answer.data!._entities).toEqual([{ name: 'Ombella' }, { name: 'Ouham' }, { name: 'Ombella' }, { name: 'Nana' }, { name: 'Ouham' }]);
  });

  it('repeats an entity error at every position that entity had, and leaves other errors alone', () => {
    const deduped = dedupeRepresentations({ representations: [area('A'), area('B'), area('A')] })!;
    const answer = deduped.expand({
      data: { _entities: [null, { name: 'B' }] },
      errors: [
        { message: 'Not cleared for RESTRICTED data.', path: ['_entities', 0, 'name'] },
        { message: 'elsewhere', path: ['other'] },
      ],
    });
    expect(answer.data!._entities).toEqual([null, { name: 'B' }, null]);
    expect(answer.errors).toEqual([
      { message: 'Not cleared for RESTRICTED data.', path: ['_entities', 0, 'name'] },
      { message: 'Not cleared for RESTRICTED data.', path: ['_entities', 2, 'name'] },
      { message: 'elsewhere', path: ['other'] },
    ]);
  });

  it('does nothing when there is nothing to collapse', () => {
    expect(dedupeRepresentations({ representations: [area('A'), area('B')] })).toBeNull();
    expect(dedupeRepresentations({ acronym: 'MINUSCA' })).toBeNull();
    expect(dedupeRepresentations(undefined)).toBeNull();
  });

  it('keeps representations that differ in any key apart', () => {
    const deduped = dedupeRepresentations({ representations: [{ __typename: 'Mission', id: 'M1', year: 2024 }, { __typename: 'Mission', id: 'M1', year: 2023 }, { __typename: 'Mission', id: 'M1', year: 2024 }] })!;
    expect(deduped.variables.representations).toHaveLength(2);
  });
});
