import { buildSchema, parse, validate, specifiedRules, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armorProtection, costLimitPlugin, DEFAULT_LIMITS, type OperationLimits } from './limits';

/** `levels` fragments, each spreading the next `fan` times; the last selects one field. */
function fragmentBomb(levels: number, fan: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    `fragment F${i} on Query { ${i === levels - 1 ? 'a' : Array.from({ length: fan }, () => `...F${i + 1}`).join(' ')} }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(' ')}`;
}

async function costOf(query: string, limits: OperationLimits = DEFAULT_LIMITS, variables: Record<string, unknown> = {}): Promise<string | null> {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const hooks = (await costLimitPlugin(limits).requestDidStart!({} as never)) as { didResolveOperation(rc: unknown): Promise<void> };
  try {
    await hooks.didResolveOperation({ document, operation, request: { variables } });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a variable left out is costed at its declared default', () => {
  const limits = { ...DEFAULT_LIMITS, maxCost: 100 };
  const query = (declared: string) => `query Q($page: PageInput${declared}) { areas(page: $page) { a b } }`;

  it('a small declared default admits what the 50-row fallback would refuse', async () => {
    expect(await costOf(query(''), limits)).toBe('Query cost limit of 100 exceeded, found 101.'); // 1 + 50 × 2
    expect(await costOf(query(' = { first: 5 }'), limits)).toBeNull();
  });

  it('a large declared default is counted too, and a value sent overrides it', async () => {
    expect(await costOf(query(' = { first: 400 }'), limits)).toBe('Query cost limit of 100 exceeded, found 801.');
    expect(await costOf(query(' = { first: 400 }'), limits, { page: { first: 5 } })).toBeNull();
  });
});

describe('the cost walk is linear in the document', () => {
  it('rejects 10 fragments each spreading the next 10 times (10^9 fields expanded) at once', async () => {
    const bomb = fragmentBomb(10, 10);
    expect(bomb.length).toBeLessThan(900);
    const started = performance.now();
    expect(await costOf(bomb)).toBe(`Query cost limit of ${DEFAULT_LIMITS.maxCost} exceeded, found 1000000000.`);
    // Generous for a loaded machine: the unmemoised walk took ~1 min on this document.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts a fragment spread several times as often as it is spread', async () => {
    const limits = { ...DEFAULT_LIMITS, maxCost: 10 };
    // 3 levels, fan 3: 9 leaf fields.
    expect(await costOf(fragmentBomb(3, 3), limits)).toBeNull();
    expect(await costOf(fragmentBomb(3, 4), limits)).toBe('Query cost limit of 10 exceeded, found 16.');
  });

  it("graphql-armor's depth, alias and directive rules stay fast on the same document", () => {
    const schema = buildSchema('type Query { a: Int }');
    const started = performance.now();
    validate(schema, parse(fragmentBomb(10, 10)), [...specifiedRules, ...armorProtection(DEFAULT_LIMITS).validationRules]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
