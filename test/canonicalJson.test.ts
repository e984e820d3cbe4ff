import * as path from 'node:path';
import { canonicalJson } from '../src/domain/canonicalJson';
import { resultToJson } from '../src/report/json';
import { scoreFile } from '../src/pipeline/stages';
import { ROOT } from './helpers';

/** The first, obvious version: what every hash signed so far was made with. The quick one must agree to the byte. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A small deterministic generator, so a failure can be replayed. */
function randomValue(seed: number, depth = 0): unknown {
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const keys = ['a', 'B', 'é', '总分', '10', '2', '_', 'a b', '\u{1F600}', 'z"q', ''];
  const make = (d: number): unknown => {
    const r = next();
    if (d > 3 || r < 0.35)
      return [null, true, false, 0, -1.5, 1e21, '文本', 'a"\\\n', undefined][Math.floor(next() * 9)];
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => make(d + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)]!, make(d + 1)]),
    );
  };
  return make(depth);
}

test('agrees byte for byte with the first version on 2,000 random values', () => {
  for (let seed = 1; seed <= 2000; seed++) {
    const value = randomValue(seed);
    if (value === undefined) continue;
    expect(canonicalJson(value)).toBe(reference(value));
  }
});

test.each(['department', 'project'])(
  'agrees on the seed %s form’s result, which it hashes for the PDF',
  async (name) => {
    const scored = await scoreFile(path.join(ROOT, `examples/zhuzhou-2020/${name}.actuals.yaml`));
    const json = resultToJson(scored.result);
    expect(canonicalJson(json)).toBe(reference(json));
  },
);

test('keys sorted at every level, undefined left out of objects and left empty in lists, as the first version did', () => {
  expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: '总' }] })).toBe('{"a":[,{"c":"总"}],"b":1}');
});
