import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { reviewYear, type ReviewRun } from '../src/review';
import type { ReviewOptions } from '../src/review/run';
import { writeForms } from './batchForms';
import { ROOT, runCli, tempDir } from './helpers';

// review's form cache: a YAML form whose files and rule set are unchanged is read back whole (its review as the
// run would make it); anything changed is read and scored again. The review is the same either way.

jest.setTimeout(120_000);

const dir = tempDir('jixiao-review-cache-');
const at = (...p: string[]): string => path.join(dir, ...p);
const year = at('year');
const COUNT = 8;
const NOW = new Date('2026-12-07T00:00:00Z');
let files: string[] = [];

beforeAll(() => {
  mkdirSync(year, { recursive: true });
  files = writeForms(year, COUNT, 10);
  // two forms name a rule set of their own, written on a base that can be edited
  const base = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');
  writeFileSync(at('year', 'base.yaml'), base.replace(/^id: caiyu-2020-10$/m, 'id: review-cache-base'));
  writeFileSync(
    at('year', 'tuned.yaml'),
    ['id: review-cache-tuned', 'extends: ./base.yaml', 'version: 1.0.0', 'name: 复核缓存测试'].join('\n'),
  );
  for (const i of [0, 1]) {
    const definitions = definitionsOf(i);
    writeFileSync(
      definitions,
      readFileSync(definitions, 'utf8').replace('ruleSet: caiyu-2020-10', 'ruleSet: ./tuned.yaml'),
    );
  }
  // a form that cannot be read is listed as failed, cached or not
  writeFileSync(at('year', 'broken.actuals.yaml'), 'definitions: ./nowhere.indicators.yaml\nindicators: {}\n');
  copyFileSync(path.join(ROOT, 'examples/zhuzhou-2020/project.actuals.yaml'), at('year', 'zhuzhou.actuals.yaml'));
  copyFileSync(path.join(ROOT, 'examples/zhuzhou-2020/project.indicators.yaml'), at('year', 'project.indicators.yaml'));
});

function definitionsOf(i: number): string {
  const file = files[i];
  if (!file) throw new Error(`no form ${i}`);
  return file.replace('.actuals.yaml', '.indicators.yaml');
}

const review = (options: Partial<ReviewOptions> = {}): Promise<ReviewRun> =>
  reviewYear([year], { trust: [], workers: 1, now: NOW, ...options });

/** A run as its reports read it: everything but what the cache did. */
const reviewed = (run: ReviewRun): string => JSON.stringify({ ...run, cache: null });

const FORMS = COUNT + 2;

describe('review reads unchanged YAML forms back from the form cache', () => {
  const cacheDir = at('cache');

  it('a second review reads every form back and writes the same review', async () => {
    const uncached = await review();
    expect(uncached.cache).toBeNull();
    const first = await review({ cacheDir });
    // the broken form is read (and fails) every time: only forms that were scored are kept
    expect(first.cache).toEqual({ hits: 0, misses: FORMS, reused: 0, unwritable: null });
    const second = await review({ cacheDir });
    expect(second.cache).toEqual({ hits: FORMS - 1, misses: 1, reused: FORMS - 1, unwritable: null });
    expect(reviewed(first)).toBe(reviewed(uncached));
    expect(reviewed(second)).toBe(reviewed(uncached));
    expect(second.forms.find((f) => f.key === 'broken.actuals.yaml')?.status).toBe('failed');
  });

  it('an edited actuals or definitions file is read again; the rest are read back', async () => {
    const actuals = files[3] ?? '';
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace(/executed: ([\d.]+)/, 'executed: $11'));
    const definitions = definitionsOf(5);
    writeFileSync(definitions, readFileSync(definitions, 'utf8').replace('maxScore: 10', 'maxScore: 11'));
    const run = await review({ cacheDir });
    expect(run.cache).toEqual({ hits: FORMS - 3, misses: 3, reused: FORMS - 3, unwritable: null });
    expect(reviewed(run)).toBe(reviewed(await review()));
  });

  it("an edit to a form's rule set (its base file) re-scores the forms that name it, and only those", async () => {
    const base = at('year', 'base.yaml');
    writeFileSync(
      base,
      readFileSync(base, 'utf8').replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 95 }'),
    );
    const run = await review({ cacheDir });
    // forms 0 and 1 name the tuned rule set; the broken form fails as always
    expect(run.cache).toEqual({ hits: FORMS - 3, misses: 3, reused: FORMS - 3, unwritable: null });
    expect(reviewed(run)).toBe(reviewed(await review()));
  });

  it('worker threads each keep their own pack; their counts add up', async () => {
    const workersCache = at('workers-cache');
    await review({ cacheDir: workersCache, workers: 2 });
    const run = await review({ cacheDir: workersCache, workers: 2 });
    expect(run.cache).toEqual({ hits: FORMS - 1, misses: 1, reused: FORMS - 1, unwritable: null });
    expect(reviewed(run)).toBe(reviewed(await review()));
  });

  it('the CLI says what the cache did, and --no-cache neither reads nor writes it', async () => {
    const cliCache = at('cli-cache');
    const first = await runCli('review', year, '-o', at('out-1'), '--no-pdf', '--cache', cliCache);
    expect(first.code).toBe(0);
    expect(first.err).toContain(`表单缓存 ${cliCache}：0 张 YAML 表从缓存读回，${FORMS} 张从文件读取并评分`);
    const second = await runCli('review', year, '-o', at('out-2'), '--no-pdf', '--cache', cliCache);
    expect(second.err).toContain(`${FORMS - 1} 张 YAML 表从缓存读回，1 张从文件读取并评分`);
    const none = await runCli('review', year, '-o', at('out-3'), '--no-pdf', '--no-cache');
    expect(none.code).toBe(0);
    expect(none.err).not.toContain('表单缓存');
    const json = (folder: string): unknown => {
      const { createdAt: _createdAt, ...rest } = JSON.parse(readFileSync(at(folder, 'review.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      return rest;
    };
    expect(json('out-2')).toEqual(json('out-1'));
    expect(json('out-3')).toEqual(json('out-1'));
  });
});
