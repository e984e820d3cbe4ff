/**
 * A function's values made once per key and kept for the next caller with the same key: at most `limit` of them,
 * the oldest let go first. Only for values nobody changes (decimals, frozen readings), since callers share them.
 */
export function keptValues<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      if (kept.size >= limit)
        for (const oldest of kept.keys()) {
          kept.delete(oldest);
          break;
        }
      kept.set(key, value);
    }
    return value;
  };
}
