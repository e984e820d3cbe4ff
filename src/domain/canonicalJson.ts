/** JSON with keys sorted at every level and undefined left out: the same value always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

// one list of parts for the whole value: building a string per level was most of the time on a large result
function write(value: unknown, parts: string[]): void {
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      write(value[i], parts);
    }
    parts.push(']');
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let first = true;
    parts.push('{');
    // the default sort compares UTF-16 code units, as `a < b` does
    for (const key of Object.keys(object).sort()) {
      const item = object[key];
      if (item === undefined) continue;
      parts.push(first ? '' : ',', JSON.stringify(key), ':');
      first = false;
      write(item, parts);
    }
    parts.push('}');
  } else {
    // undefined in a list is left empty, as it was
    parts.push(JSON.stringify(value) ?? '');
  }
}
