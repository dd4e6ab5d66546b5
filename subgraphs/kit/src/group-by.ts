/**
 * Items grouped by a key, in first-seen order (Map.groupBy arrives in Node 21; we run on 20).
 * The loaders use it to send one statement per group of a batch's keys.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
