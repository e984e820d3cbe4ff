import { JSONPath } from 'jsonpath-plus';

/** `$.a.b`: a path of plain keys, the only kind jixiao's rule sets write. */
export const PLAIN_PATH = /^\$(\.[A-Za-z_]\w*)+$/;

/**
 * How the scoring engine reads `{fact: parameter, path: …}`: a plain path by its keys, anything else (and any
 * key that is not there) by JSONPath, as json-rules-engine does by default. The default answers every value
 * that is not an object by throwing and catching an error inside jsonpath-plus: most of its cost per form.
 */
export function resolvePath(value: object, path: string): unknown {
  if (!PLAIN_PATH.test(path)) return JSONPath({ path, json: value, wrap: false });
  let found: unknown = value;
  for (const key of path.slice(2).split('.')) {
    if (found === null || typeof found !== 'object' || !Object.prototype.hasOwnProperty.call(found, key))
      return JSONPath({ path, json: value, wrap: false });
    found = (found as Record<string, unknown>)[key];
  }
  return found;
}
