import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compareRuleSets, type CompareOptions } from '../src/compare/run';
import { findForms } from '../src/load/formFiles';
import { FormCache } from '../src/load/formCache';
import { codeVersion, fingerprintOf } from '../src/load/codeFingerprint';
import { JIXIAO_VERSION } from '../src/domain/version';
import { loadForm } from '../src/load/loadForm';
import { compiled, loadRuleSet } from '../src/load/ruleSets';
import { scoreForm } from '../src/scoring/scoreForm';
import { writeForms } from './batchForms';
import { ROOT, runCli, tempDir } from './helpers';

// compare's form cache: a form whose files are unchanged is read back, anything else is read from its files;
// the comparisons are the same either way.

jest.setTimeout(120_000);

const dir = tempDir('jixiao-form-cache-');
const at = (...p: string[]): string => path.join(dir, ...p);
const COUNT = 6;

beforeAll(() => {
  writeForms(at(), COUNT, 10);
  // a rule set written on a base of its own, so the base can be edited
  const base = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');
  writeFileSync(at('base.yaml'), base.replace(/^id: caiyu-2020-10$/m, 'id: cache-base'));
  writeFileSync(
    at('tuned.yaml'),
    ['id: cache-tuned', 'extends: ./base.yaml', 'version: 1.0.0', 'name: 缓存测试'].join('\n'),
  );
});

/** A run's cache counts: forms read back, forms read from their files, scores read back instead of scored. */
const counted = (hits: number, misses: number, reused = 0) => ({ hits, misses, reused, unwritable: null });

/** Where each entry of a pack begins, in the order they were written (read from the pack's index and trailer). */
function entryOffsets(pack: Buffer): number[] {
  const indexLength = pack.readUInt32BE(pack.length - 8);
  const index = pack.subarray(pack.length - 12 - indexLength, pack.length - 12);
  const offsets: number[] = [];
  for (let at = 0; at < index.length; at += 40) offsets.push(index.readUInt32BE(at + 32));
  return offsets.sort((x, y) => x - y);
}

/** Every file of the cache folder (its packs, and any temporary file a run left). */
function entries(cache: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(cache);
  return out;
}

async function compared(cache: string, more: Partial<CompareOptions> = {}) {
  const run = await compareRuleSets([at()], {
    rulesA: at('tuned.yaml'),
    rulesB: 'provincial-linear',
    cacheDir: cache,
    keepForms: true,
    workers: 1,
    ...more,
  });
  return { counts: run.cache, forms: run.forms.map((f) => JSON.stringify(f)) };
}

describe('the form cache of compare', () => {
  test('a second compare reads every form back, with the same comparisons as reading the files', async () => {
    const cache = tempDir('jixiao-cache-');
    const none = await compareRuleSets([at()], {
      rulesA: at('tuned.yaml'),
      rulesB: 'provincial-linear',
      keepForms: true,
    });
    const first = await compared(cache);
    const second = await compared(cache);
    expect(first.counts).toEqual(counted(0, COUNT));
    // every score under both (unchanged) rule sets is read back: no form is even unpacked
    expect(second.counts).toEqual(counted(COUNT, 0, 2 * COUNT));
    expect(none.cache).toBeNull();
    expect(second.forms).toEqual(none.forms.map((f) => JSON.stringify(f)));
    expect(first.forms).toEqual(second.forms);
    // two worker threads share one cache the same way
    const threaded = await compared(cache, { workers: 2 });
    expect(threaded.counts).toEqual(counted(COUNT, 0, 2 * COUNT));
    // a checked run scores every form both ways (json-rules-engine and the fast path): it reads no score back
    const checked = await compared(cache, { check: true });
    expect(checked.counts).toEqual(counted(COUNT, 0));
    expect(checked.forms).toEqual(second.forms);
    // so does a run asked to evaluate with json-rules-engine itself
    const reference = await compared(cache, { reference: true });
    expect(reference.counts).toEqual(counted(COUNT, 0));
    expect(reference.forms).toEqual(second.forms);
    expect(threaded.forms).toEqual(second.forms);
  });

  test('a cached form scores exactly as its files do, its messages at the same line and column', async () => {
    const cache = tempDir('jixiao-cache-');
    const files = findForms([path.join(ROOT, 'examples'), path.join(ROOT, 'test/corpus')]);
    const ruleSet = compiled(loadRuleSet('caiyu-2020-10'));
    const evaluator = ruleSet.quick();
    const fresh = await Promise.all(
      files.map(async (f) =>
        JSON.stringify(await scoreForm(loadForm(f, { ruleSet: ruleSet.ruleSet }).input, evaluator)),
      ),
    );
    const located = fresh.filter((r) => /"line":\d+,"column":\d+/.test(r));
    expect(located.length).toBeGreaterThan(0);
    for (const pass of ['miss', 'hit']) {
      const reader = new FormCache(cache, ruleSet.ruleSet);
      const read = await Promise.all(
        files.map(async (f) => JSON.stringify(await scoreForm(reader.load(f), evaluator))),
      );
      reader.close();
      expect(read).toEqual(fresh);
      expect([pass, reader.counts]).toEqual([
        pass,
        pass === 'miss' ? counted(0, files.length) : counted(files.length, 0),
      ]);
    }
  });

  test('a changed actuals or definitions file is read again; so is every form when the base framework changes', async () => {
    const cache = tempDir('jixiao-cache-');
    const before = await compared(cache);
    const actuals = at('form-00000.actuals.yaml');
    const text = readFileSync(actuals, 'utf8');
    writeFileSync(actuals, text.replace(/executed: [\d.]+/, 'executed: 1'));
    const definitions = at('form-00001.indicators.yaml');
    const defs = readFileSync(definitions, 'utf8');
    writeFileSync(definitions, defs.replace(/^department: (.*)$/m, 'department: $1（改）'));
    const edited = await compared(cache);
    expect(edited.counts).toEqual(counted(COUNT - 2, 2, 2 * (COUNT - 2)));
    expect(edited.forms[0]).not.toEqual(before.forms[0]);
    expect(edited.forms[0]).toContain('"totalA"');
    expect(edited.forms[1]).toContain('（改）');
    expect(edited.forms.slice(2)).toEqual(before.forms.slice(2));
    // the edits read back as edited (not the old entries), and the old files are found again under their own entries
    expect((await compared(cache)).forms).toEqual(edited.forms);
    // put back: the actuals' old entry is found again; an entry names one definitions text, so the restored
    // definitions are read once more (a miss, never a stale hit)
    writeFileSync(actuals, text);
    writeFileSync(definitions, defs);
    const restored = await compared(cache);
    expect(restored.counts).toEqual(counted(COUNT - 1, 1, 2 * (COUNT - 1)));
    expect(restored.forms).toEqual(before.forms);

    const base = readFileSync(at('base.yaml'), 'utf8');
    // a base's version is not in the resolved rule set (the tuned one names its own): forms and scores read back
    writeFileSync(at('base.yaml'), base.replace(/^version: .*$/m, 'version: 9.9.9'));
    expect((await compared(cache)).counts).toEqual(counted(COUNT, 0, 2 * COUNT));
    // a grade line raised in the base is not what loading reads: the forms read back, and only the rule set built
    // on that base (A) is scored again, to the new grades; B's scores are read back
    const stricter = base.replace('{ grade: excellent, min: 90 }', '{ grade: excellent, min: 99.5 }');
    expect(stricter).not.toEqual(base);
    writeFileSync(at('base.yaml'), stricter);
    const tuned = await compared(cache);
    expect(tuned.counts).toEqual(counted(COUNT, 0, COUNT));
    const uncached = await compareRuleSets([at()], {
      rulesA: at('tuned.yaml'),
      rulesB: 'provincial-linear',
      keepForms: true,
    });
    expect(tuned.forms).toEqual(uncached.forms.map((f) => JSON.stringify(f)));
    expect(tuned.forms).not.toEqual(before.forms);
    // its framework is: a 一级 weight changed in the base reads every form again
    writeFileSync(at('base.yaml'), base.replace(/weight: 50/, 'weight: 40').replace(/weight: 30/, 'weight: 40'));
    expect((await compared(cache)).counts).toEqual(counted(0, COUNT));
    writeFileSync(at('base.yaml'), base);
  });

  test('a cache written by another jixiao version is ignored', () => {
    const cache = tempDir('jixiao-cache-');
    const ruleSet = compiled(loadRuleSet('caiyu-2020-10')).ruleSet;
    const files = findForms([at()]);
    const run = (version?: string): FormCache => {
      const reader = version ? new FormCache(cache, ruleSet, version) : new FormCache(cache, ruleSet);
      for (const f of files) reader.load(f);
      reader.close();
      return reader;
    };
    run('0.0.1-older');
    expect(run().counts).toEqual(counted(0, COUNT));
    // the older version's entries were not overwritten: that version still reads its own
    expect(run('0.0.1-older').counts.hits).toBe(COUNT);
    expect(run().counts.hits).toBe(COUNT);
  });

  test('the folder deleted while a run writes to it: the run finishes, says why nothing was cached, and the next run caches again', () => {
    const cache = tempDir('jixiao-cache-');
    const ruleSet = compiled(loadRuleSet('caiyu-2020-10')).ruleSet;
    const files = findForms([at()]);
    const first = new FormCache(cache, ruleSet);
    const inputs = files.map((f) => first.load(f));
    rmSync(cache, { recursive: true, force: true });
    first.close();
    expect(first.counts).toEqual({ ...counted(0, COUNT), unwritable: 'ENOENT' });
    expect(inputs.every((input) => input.indicators.length > 0)).toBe(true);
    const next = new FormCache(cache, ruleSet);
    for (const f of files) next.load(f);
    next.close();
    expect(next.counts).toEqual(counted(0, COUNT));
    const third = new FormCache(cache, ruleSet);
    for (const f of files) third.load(f);
    third.close();
    expect(third.counts).toEqual(counted(COUNT, 0));
  });

  test('a truncated pack, a foreign file or a flipped byte is ignored and the forms cached again, never a crash', async () => {
    const cache = tempDir('jixiao-cache-');
    const good = await compared(cache);
    const [pack] = entries(cache);
    if (!pack) throw new Error('no cache pack');
    expect(entries(cache)).toEqual([expect.stringMatching(/\.pack$/)]);
    // a byte flipped inside the first form's entries (its input, its score under A and under B: the first three
    // written): that form is a miss, the others still read back
    const bytes = readFileSync(pack);
    for (const offset of entryOffsets(bytes).slice(0, 3)) bytes[offset + 8] = (bytes[offset + 8] ?? 0) ^ 0xff;
    writeFileSync(pack, bytes);
    expect((await compared(cache)).counts).toEqual(counted(COUNT - 1, 1, 2 * (COUNT - 1)));
    // a truncated pack and a foreign one are left out whole
    for (const p of entries(cache)) truncateSync(p, statSync(p).size - 3);
    writeFileSync(path.join(path.dirname(pack), 'foreign.pack'), 'not a pack');
    const again = await compared(cache);
    expect(again.counts).toEqual(counted(0, COUNT));
    expect(again.forms).toEqual(good.forms);
    expect((await compared(cache)).counts).toEqual(counted(COUNT, 0, 2 * COUNT));
  });

  test('a crowded folder is compacted: a run that reads more than eight packs leaves one with what it read', async () => {
    const cache = tempDir('jixiao-cache-');
    const ruleSet = compiled(loadRuleSet('caiyu-2020-10')).ruleSet;
    const files = findForms([at()]);
    // nine runs of one form each leave nine packs
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    for (let i = 0; i < 9; i++) {
      const file = files[i % COUNT] ?? '';
      // the second time round a form is edited first (a comment), so each run writes a pack
      if (i >= COUNT) writeFileSync(file, `${readFileSync(file, 'utf8')}\n# ${i}`);
      const reader = new FormCache(cache, ruleSet);
      reader.load(file);
      reader.close();
    }
    expect(entries(cache)).toHaveLength(9);
    // the next run reads every form: the ones it finds go into its pack with the ones it reads, the old packs go
    const compacting = new FormCache(cache, ruleSet);
    for (const f of files) compacting.load(f);
    compacting.close();
    expect(compacting.counts).toEqual(counted(COUNT, 0));
    expect(entries(cache)).toHaveLength(1);
    const after = new FormCache(cache, ruleSet);
    for (const f of files) after.load(f);
    after.close();
    expect(after.counts).toEqual(counted(COUNT, 0));
    files.forEach((f, i) => writeFileSync(f, originals[i] ?? ''));
  });

  test("a compaction after a run that read only scores back keeps the forms' inputs: an edited rule set is scored without reading files", async () => {
    const cache = tempDir('jixiao-cache-');
    // a rule set B that differs each time (its grade line), so each run scores B anew and writes a pack
    const tunedB = (min: number): string => {
      const file = at(`tuned-b-${min}.yaml`);
      writeFileSync(
        file,
        [
          'id: cache-b',
          'extends: provincial-linear',
          'version: 1.0.0',
          'name: 缓存测试 B',
          'grades:',
          '  print: true',
          '  bands:',
          `    - { grade: excellent, min: ${min} }`,
          '    - { grade: good, min: 80 }',
          '    - { grade: fair, min: 60 }',
          '    - { grade: poor, min: 0 }',
        ].join('\n'),
      );
      return file;
    };
    for (let i = 0; i < 9; i++) await compared(cache, { rulesB: tunedB(90 + i / 10) });
    expect(entries(cache)).toHaveLength(9);
    // nothing changed: every score is read back, and the crowded folder is compacted into this run's pack
    const same = await compared(cache, { rulesB: tunedB(90.8) });
    expect(same.counts).toEqual(counted(COUNT, 0, 2 * COUNT));
    expect(entries(cache)).toHaveLength(1);
    // the evaluator edits B again: the forms are read back (not from their files), A's scores too
    const edited = await compared(cache, { rulesB: tunedB(95) });
    expect(edited.counts).toEqual(counted(COUNT, 0, COUNT));
  });

  test('a cache folder that cannot be written: the compare goes on, says so, and exits 0', async () => {
    const blocked = at('a-file');
    writeFileSync(blocked, '');
    const run = await runCli(
      'compare',
      '--rules',
      'caiyu-2020-10',
      '--rules',
      'provincial-linear',
      at(),
      '--cache',
      blocked,
      '--json',
    );
    expect(run.code).toBe(0);
    // the reason in words, once, not the system's code and message
    expect(run.err).toContain(`表单缓存 ${blocked} 无法写入（路径中有一段是文件而不是目录）`);
    expect(run.err).not.toContain('ENOTDIR');
    const json = JSON.parse(run.out) as {
      summary: { compared: number };
      cache: { hits: number; misses: number; unwritable: string | null };
    };
    // every form compared, none cached, and why said once
    expect(json.summary.compared).toBe(COUNT);
    expect(json.cache).toMatchObject({ hits: 0, misses: COUNT, unwritable: 'ENOTDIR' });
  });

  test('two compares at once on one cache: both right, no partial entry left, the next run reads all back', async () => {
    const cache = tempDir('jixiao-cache-');
    const bin = path.join(ROOT, 'dist/cli/main.js');
    const args = [bin, 'compare', '--rules', 'caiyu-2020-10', '--rules', 'provincial-linear', at(), '--json'];
    const once = (): Promise<{ code: number | null; out: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [...args, '--cache', cache], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    const [a, b] = await Promise.all([once(), once()]);
    const forms = (r: { out: string }): unknown => (JSON.parse(r.out) as { forms: unknown }).forms;
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(forms(a)).toEqual(forms(b));
    // each run that read a form from its files wrote one whole pack; nothing half-written is left
    expect(entries(cache).filter((e) => !e.endsWith('.pack'))).toEqual([]);
    expect(entries(cache).length).toBeGreaterThanOrEqual(1);
    expect(entries(cache).length).toBeLessThanOrEqual(2);
    const third = await once();
    expect((JSON.parse(third.out) as { cache: { hits: number } }).cache.hits).toBe(COUNT);
    expect(forms(third)).toEqual(forms(a));
  });
});

describe("the code's fingerprint (part of the version a cache entry was written by)", () => {
  test('any change to a code file is another version; the same code anywhere is the same; maps are not code', () => {
    const one = tempDir('jixiao-code-');
    mkdirSync(path.join(one, 'scoring'));
    writeFileSync(path.join(one, 'main.js'), 'exports.a = 1;\n');
    writeFileSync(path.join(one, 'scoring', 'total.js'), 'exports.total = (a, b) => a + b;\n');
    const other = tempDir('jixiao-code-');
    cpSync(one, other, { recursive: true });
    const before = fingerprintOf(one);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(other)).toBe(before);
    writeFileSync(path.join(other, 'main.js.map'), '{}');
    expect(fingerprintOf(other)).toBe(before);
    writeFileSync(path.join(other, 'scoring', 'total.js'), 'exports.total = (a, b) => a - b;\n');
    expect(fingerprintOf(other)).not.toBe(before);
    // a file moved to another folder is other code too
    rmSync(path.join(other, 'scoring'), { recursive: true });
    writeFileSync(path.join(other, 'total.js'), 'exports.total = (a, b) => a + b;\n');
    expect(fingerprintOf(other)).not.toBe(before);
    // the running code's version: jixiao's number and its code's hash
    expect(codeVersion()).toBe(`${JIXIAO_VERSION}+${fingerprintOf(path.join(ROOT, 'src'))}`);
  });
});
