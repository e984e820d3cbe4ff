import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeForms } from './batchForms';
import { ROOT, runCli, tempDir } from './helpers';

// batch planning with the form cache: a re-run tells an unchanged form by the fingerprint parts kept beside its files
// (its texts' hash, its seal image's path, its rule set), without scoring it; a changed file, seal image or rule set
// makes the form print again, exactly as a run without the cache decides.

jest.setTimeout(300_000);

const dir = tempDir('jixiao-batch-cache-');
const at = (...p: string[]): string => path.join(dir, ...p);
const forms = at('forms');
let files: string[] = [];

interface Report {
  forms: { input: string; action: string; inputSha256: string | null }[];
}

beforeAll(() => {
  mkdirSync(forms, { recursive: true });
  files = writeForms(forms, 3, 8);
  // the first form names a rule set of its own, on a base that can be edited
  const base = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');
  writeFileSync(at('forms', 'base.yaml'), base.replace(/^id: caiyu-2020-10$/m, 'id: batch-cache-base'));
  writeFileSync(
    at('forms', 'tuned.yaml'),
    ['id: batch-cache-tuned', 'extends: ./base.yaml', 'version: 1.0.0', 'name: 批量缓存测试'].join('\n'),
  );
  const definitions = (files[0] ?? '').replace('.actuals.yaml', '.indicators.yaml');
  writeFileSync(
    definitions,
    readFileSync(definitions, 'utf8').replace('ruleSet: caiyu-2020-10', 'ruleSet: ./tuned.yaml'),
  );
  // a form with a seal image, whose bytes are part of its fingerprint
  for (const name of ['project.actuals.yaml', 'project.indicators.yaml', 'seal.png'])
    copyFileSync(path.join(ROOT, 'examples/water-2023', name), at('forms', name));
});

async function batch(out: string, ...flags: string[]): Promise<Report> {
  const run = await runCli('batch', forms, '-o', at(out), '--json', ...flags);
  if (run.code !== 0 && run.code !== 3) throw new Error(`batch exited ${run.code}: ${run.err}`);
  return JSON.parse(run.out) as Report;
}

const actions = (report: Report): Record<string, string> =>
  Object.fromEntries(report.forms.map((f) => [f.input, f.action]));
const fingerprints = (report: Report): Record<string, string | null> =>
  Object.fromEntries(report.forms.map((f) => [f.input, f.inputSha256]));
const allSkipped = (report: Report): boolean => report.forms.every((f) => f.action === 'skipped');

describe('batch planning reads unchanged forms from the form cache', () => {
  const cache = at('cache');

  it('a re-run skips every unchanged form without scoring it, and says so', async () => {
    const first = await batch('out', '--cache', cache);
    expect(first.forms.map((f) => f.action)).toEqual(['rendered', 'rendered', 'rendered', 'rendered']);
    const run = await runCli('batch', forms, '-o', at('out'), '--cache', cache);
    expect(run.err).toContain(`表单缓存 ${cache}：4 张未改动的表未重新评分即判定，0 张读取并评分`);
    const second = await batch('out', '--cache', cache);
    expect(allSkipped(second)).toBe(true);
    // the fingerprints are those a run without the cache computes
    const uncached = await batch('out', '--no-cache');
    expect(allSkipped(uncached)).toBe(true);
    expect(fingerprints(second)).toEqual(fingerprints(uncached));
    expect(fingerprints(second)).toEqual(fingerprints(first));
  });

  it('a changed actuals file, seal image or base rule set prints that form again; the rest are skipped', async () => {
    const actuals = files[1] ?? '';
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace(/executed: ([\d.]+)/, 'executed: $11'));
    // bytes after the image's end: the same picture to a viewer, another file to the fingerprint
    appendFileSync(at('forms', 'seal.png'), Buffer.from('edited'));
    const base = at('forms', 'base.yaml');
    writeFileSync(
      base,
      readFileSync(base, 'utf8').replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 95 }'),
    );
    const run = await batch('out', '--cache', cache);
    const [first, second, third] = files.map((f) => path.basename(f));
    expect(actions(run)).toEqual({
      [first ?? '']: 'rendered',
      [second ?? '']: 'rendered',
      [third ?? '']: 'skipped',
      'project.actuals.yaml': 'rendered',
    });
    // and a run without the cache agrees that nothing is left to print
    const uncached = await batch('out', '--no-cache');
    expect(allSkipped(uncached)).toBe(true);
    expect(fingerprints(uncached)).toEqual(fingerprints(run));
  });
});
