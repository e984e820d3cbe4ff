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

/**
 * A function's values made once per object and kept while that object lives (a decimal's text, say): nothing to
 * let go by hand, since the object's going takes its value with it.
 */
export function keptWhileAlive<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      kept.set(key, value);
    }
    return value;
  };
}
