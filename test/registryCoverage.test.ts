import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EVENT_SPECS } from '../src/scoring/registry';
import { ROOT } from './helpers';

/** Every rule-set test file in the repository (shipped rule sets and the test fixtures). */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : testFiles(full);
    return e.name.endsWith('.test.yaml') ? [full] : [];
  });
}

interface Expect {
  method?: string;
  adjustments?: string[];
  flags?: string[];
}

const expects = [...testFiles(path.join(ROOT, 'indicators')), ...testFiles(path.join(ROOT, 'test'))].flatMap((file) =>
  ((parse(readFileSync(file, 'utf8')) as { cases?: { expect?: Expect }[] }).cases ?? []).map((c) => c.expect ?? {}),
);

test('every scoring method and adjustment in the registry is expected by some rule-set test case', () => {
  const named = new Set(expects.flatMap((e) => [...(e.method ? [e.method] : []), ...(e.adjustments ?? [])]));
  const registered = [...Object.keys(EVENT_SPECS.score), ...Object.keys(EVENT_SPECS.adjust)];
  expect(registered.length).toBeGreaterThan(10);
  expect(registered.filter((id) => !named.has(id))).toEqual([]);
});

test('every flag a rule may raise is expected by some rule-set test case', () => {
  const named = new Set(expects.flatMap((e) => e.flags ?? []));
  const registered = Object.keys(EVENT_SPECS.flag);
  expect(registered).toContain('NOT_MEASURABLE');
  expect(registered.filter((code) => !named.has(code))).toEqual([]);
});
