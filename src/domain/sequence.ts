/** Each item with the one after it: [a, b], [b, c], … (none for fewer than two items). */
export function adjacentPairs<T>(items: readonly T[]): [T, T][] {
  return items.slice(1).map((item, i) => [items[i] as T, item]);
}
