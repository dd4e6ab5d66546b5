import { describe, expect, it } from 'vitest';
import { operationTypeOf, SharedReads } from './shared-reads';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('SharedReads', () => {
  it('runs an identical read once while it is in flight, and again once it has finished', async () => {
    const reads = new SharedReads<string>(true);
    const answer = deferred<string>();
    let executions = 0;
    const execute = () => (executions++, answer.promise);
    const first = reads.run('scope\nbody', execute);
    const second = reads.run('scope\nbody', execute);
    answer.resolve('answer');
    expect(await first).toEqual({ value: 'answer', joined: false });
    expect(await second).toEqual({ value: 'answer', joined: true });
    expect(executions).toBe(1);
    await reads.run('scope\nbody', async () => (executions++, 'later'));
    expect(executions).toBe(2);
    expect(reads.stats).toEqual({ executed: 2, joined: 1 });
  });

  it('never joins a read of another key (another scope or another body)', async () => {
    const reads = new SharedReads<string>(true);
    const a = deferred<string>();
    const first = reads.run('scope-a\nbody', () => a.promise);
    const other = await reads.run('scope-b\nbody', async () => 'b');
    a.resolve('a');
    expect(other).toEqual({ value: 'b', joined: false });
    expect((await first).value).toBe('a');
  });

  it('does not let a read that starts after a write join one that started before it', async () => {
    const reads = new SharedReads<string>(true);
    const before = deferred<string>();
    const first = reads.run('scope\nbody', () => before.promise);
    reads.wrote();
    const after = await reads.run('scope\nbody', async () => 'after the write');
    before.resolve('before the write');
    expect(after).toEqual({ value: 'after the write', joined: false });
    expect((await first).value).toBe('before the write');
  });

  it('hands a failure to every caller who joined, then forgets it', async () => {
    const reads = new SharedReads<string>(true);
    const failing = deferred<string>();
    const first = reads.run('k', () => failing.promise);
    const second = reads.run('k', () => failing.promise);
    failing.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await expect(second).rejects.toThrow('database down');
    expect(await reads.run('k', async () => 'recovered')).toEqual({ value: 'recovered', joined: false });
  });
});

describe('operationTypeOf', () => {
  it('tells queries from mutations, by operation name when a document has several', () => {
    expect(operationTypeOf({ query: '{ missions { nodes { id } } }' })).toBe('query');
    expect(operationTypeOf({ query: 'query Q($r: [_Any!]!) { _entities(representations: $r) { __typename } }' })).toBe('query');
    expect(operationTypeOf({ query: 'mutation { reportIncident(input: {}) { id } }' })).toBe('mutation');
    const both = 'query A { a } mutation B { b }';
    expect(operationTypeOf({ query: both, operationName: 'A' })).toBe('query');
    expect(operationTypeOf({ query: both, operationName: 'B' })).toBe('mutation');
  });

  it('is null (never shared) when it cannot be told', () => {
    expect(operationTypeOf({ query: 'query A { a } mutation B { b }' })).toBeNull();
    expect(operationTypeOf({ query: 'query {' })).toBeNull();
    expect(operationTypeOf({ query: 'query A { a }', operationName: 'Other' })).toBeNull();
    expect(operationTypeOf({ variables: {} })).toBeNull();
    expect(operationTypeOf('not json')).toBeNull();
    expect(operationTypeOf(undefined)).toBeNull();
  });
});
