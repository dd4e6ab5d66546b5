/**
 * An entity fetch asks a subgraph for one row per place the entity appears in the answer: Q3's
 * 50 incidents in a dozen admin areas send 50 `AdminArea` representations, and the subgraph
 * would resolve every duplicate again (with all its lists). @apollo/gateway does not collapse
 * them; this does, for one fetch of one request — the same caller, the same identity — and
 * spreads the answers (and errors) back to every position the gateway expects.
 */
type Variables = Record<string, unknown>;
type Response = { data?: Record<string, unknown> | null; errors?: ReadonlyArray<{ path?: ReadonlyArray<string | number> }> };

export interface DedupedRepresentations {
  variables: Variables;
  expand<R extends Response>(response: R): R;
}

export function dedupeRepresentations(variables: Variables | undefined): DedupedRepresentations | null {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const uniqueIndexOf = new Map<string, number>();
  const unique: unknown[] = [];
  // positions[i] = index in `unique` of the i-th original representation
  const positions = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = uniqueIndexOf.get(key);
    if (index === undefined) {
      index = unique.push(representation) - 1;
      uniqueIndexOf.set(key, index);
    }
    return index;
  });
  if (unique.length === representations.length) return null;
  return {
    variables: { ...variables, representations: unique },
    expand(response) {
      const entities = response.data?._entities;
      const data = Array.isArray(entities) ? { ...response.data, _entities: positions.map((i) => entities[i] ?? null) } : response.data;
      const errors = response.errors?.flatMap((error) => {
        const [root, index, ...rest] = error.path ?? [];
        if (root !== '_entities' || typeof index !== 'number') return [error];
        return positions.flatMap((u, original) => (u === index ? [{ ...error, path: ['_entities', original, ...rest] }] : []));
      });
      return { ...response, data, ...(errors ? { errors } : {}) };
    },
  };
}
