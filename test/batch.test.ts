import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { batchForms, readJournal, runBatch } from '../src/batch';
import { batchSink } from '../src/cli/commands/batch';
import { removeAbandonedTemporaries } from '../src/cli/io';
import { launchPrinter } from '../src/pipeline';
import { PdfPrinter } from '../src/pdf/printer';
import { RelaunchingPrinter } from '../src/pdf/relaunchingPrinter';
import { expectedTotals, filesUnder, journalLines, summaryRows, wholePdf, writeForms } from './batchForms';
import { ROOT, runCli, tempDir, until } from './helpers';

const BIN = path.join(ROOT, 'dist/cli/main.js');
const pdfsIn = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.pdf'));

describe('jixiao batch: every form printed, the journal, the summary, re-runs', () => {
  const dir = tempDir('jixiao-batch-');
  const forms = path.join(dir, 'forms');
  const out = path.join(dir, 'out');
  let files: string[];

  beforeAll(() => {
    mkdirSync(forms);
    files = writeForms(forms, 6);
    // one form that cannot be read: recorded with its code and place, the batch goes on
    writeFileSync(
      path.join(forms, 'broken.actuals.yaml'),
      'definitions: ./form-00000.indicators.yaml\nindicators: {\n',
    );
  });

  test('prints each form once, records the broken one with its code, and writes journal, index.html and summary.csv', async () => {
    const run = await runCli('batch', forms, '-o', out, '--json');
    expect(run.code).toBe(1); // a form failed: the exit code says so
    const report = JSON.parse(run.out) as {
      ok: boolean;
      forms: {
        input: string;
        status: string;
        action: string;
        codes: string[];
        problems?: string[];
        total: string | null;
      }[];
    };
    expect(report.ok).toBe(false);
    expect(report.forms).toHaveLength(7);
    const broken = report.forms.find((f) => f.input === 'broken.actuals.yaml')!;
    expect(broken).toMatchObject({ status: 'failed', action: 'failed', codes: ['YAML_SYNTAX'] });
    expect(broken.problems?.[0]).toMatch(/broken\.actuals\.yaml:\d+:\d+/);
    expect(pdfsIn(out)).toEqual(files.map((f) => path.basename(f).replace('.actuals.yaml', '.pdf')).sort());
    for (const pdf of pdfsIn(out)) expect(wholePdf(path.join(out, pdf))).toBe(true);
    // each total is what `jixiao score` gives that form
    const expected = await expectedTotals(files);
    for (const f of report.forms.filter((x) => x.status !== 'failed'))
      expect(f.total).toBe(expected.get(f.input)!.total);
    // journal and summary agree, line for line
    const journal = journalLines(out);
    expect(journal).toHaveLength(7);
    const summary = summaryRows(out);
    expect(summary.map((r) => [r.input, r.status, r.total])).toEqual(
      report.forms.map((f) => [f.input, f.status, f.total ?? '']),
    );
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a re-run skips unchanged forms, redoes an edited form, a deleted PDF and a PDF changed on disk', async () => {
    const edited = files[1]!;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/executed: [\d.]+/, 'executed: 100'));
    unlinkSync(path.join(out, 'form-00002.pdf'));
    appendFileSync(path.join(out, 'form-00003.pdf'), '\n% changed\n');
    const run = await runCli('batch', forms, '-o', out, '--json');
    const report = JSON.parse(run.out) as { forms: { input: string; action: string }[] };
    const action = Object.fromEntries(report.forms.map((f) => [f.input, f.action]));
    expect(action).toEqual({
      'broken.actuals.yaml': 'failed',
      'form-00000.actuals.yaml': 'skipped',
      'form-00001.actuals.yaml': 'rendered',
      'form-00002.actuals.yaml': 'rendered',
      'form-00003.actuals.yaml': 'rendered',
      'form-00004.actuals.yaml': 'skipped',
      'form-00005.actuals.yaml': 'skipped',
    });
    // the journal keeps every line: 7 from the first run, 7 from this one
    expect(journalLines(out)).toHaveLength(14);
    expect(wholePdf(path.join(out, 'form-00003.pdf'))).toBe(true);
  });

  test('a new seal picture (it travels in the PDF) redoes the form; the same picture again does not', async () => {
    const water = path.join(dir, 'water');
    const sealed = path.join(dir, 'water-out');
    mkdirSync(water);
    for (const f of ['project.indicators.yaml', 'project.actuals.yaml', 'seal.png'])
      writeFileSync(path.join(water, f), readFileSync(path.join(ROOT, 'examples/water-2023', f)));
    const actions = async (): Promise<string[]> =>
      (
        JSON.parse((await runCli('batch', water, '-o', sealed, '--json')).out) as { forms: { action: string }[] }
      ).forms.map((f) => f.action);
    expect(await actions()).toEqual(['rendered']);
    expect(await actions()).toEqual(['skipped']);
    // the same picture, one byte of its last (IEND) chunk's CRC aside: another file
    const seal = readFileSync(path.join(water, 'seal.png'));
    seal[seal.length - 1] = seal[seal.length - 1]! ^ 0x01;
    writeFileSync(path.join(water, 'seal.png'), seal);
    expect(await actions()).toEqual(['rendered']);
  });

  test('progress lines when piped: one per form with its total, then the counts and where the summary is', async () => {
    const run = await runCli('batch', forms, '-o', out);
    expect(run.err).toMatch(/\[\d\/7\] form-00000\.actuals\.yaml 未改动，跳过/);
    expect(run.err).toMatch(
      /broken\.actuals\.yaml 未生成：YAML_SYNTAX\n {2}.*broken\.actuals\.yaml:\d+:\d+: 错误 YAML_SYNTAX/,
    );
    expect(run.err).toMatch(/共 7 张：生成 0，未改动跳过 6，草稿 \d，失败 1/);
    expect(run.err).toContain(path.join(out, 'index.html'));
  });

  test('index.html is self-contained, escapes what users wrote and links each PDF inside the output folder', async () => {
    const evil = path.join(dir, 'evil');
    mkdirSync(path.join(evil, 'sub dir'), { recursive: true });
    const [file] = writeForms(path.join(evil, 'sub dir'), 1);
    const definitions = file!.replace('.actuals.yaml', '.indicators.yaml');
    writeFileSync(
      definitions,
      readFileSync(definitions, 'utf8').replace(/^department: .*$/m, 'department: "<script>alert(1)</script>局"'),
    );
    const target = path.join(dir, 'evil-out');
    const run = await runCli('batch', evil, '-o', target);
    expect([0, 3]).toContain(run.code);
    const html = readFileSync(path.join(target, 'index.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;局');
    expect(html).toContain('href="sub%20dir/form-00000.pdf"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain("default-src 'none'");
  });

  test('a list file: one path per line relative to it, # comments; a missing form is that form’s failure', async () => {
    const list = path.join(dir, 'year.txt');
    writeFileSync(
      list,
      `# 2023 年度\nforms/form-00004.actuals.yaml\n\nforms/missing.actuals.yaml\n  forms/form-00005.actuals.yaml  \n`,
    );
    const target = path.join(dir, 'list-out');
    const run = await runCli('batch', list, '-o', target, '--json');
    const report = JSON.parse(run.out) as { forms: { input: string; status: string; codes: string[] }[] };
    expect(report.forms.map((f) => [f.input, f.status === 'failed' ? f.codes : 'ok'])).toEqual([
      [path.join('forms', 'form-00004.actuals.yaml'), 'ok'],
      [path.join('forms', 'missing.actuals.yaml'), ['FILE_NOT_FOUND']],
      [path.join('forms', 'form-00005.actuals.yaml'), 'ok'],
    ]);
    expect(pdfsIn(target)).toEqual(['forms/form-00004.pdf', 'forms/form-00005.pdf']);
    writeFileSync(list, '# nothing yet\n\n');
    const empty = await runCli('batch', list, '-o', target);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/BATCH_LIST_EMPTY.*year\.txt/);
  });

  test('output names are stable and never collide: the input’s own path, -2 for a second form of the same name', () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    for (const d of [a, b]) {
      mkdirSync(d, { recursive: true });
      writeForms(d, 1);
    }
    expect(batchForms([a, b]).map((f) => f.output)).toEqual(['form-00000.pdf', 'form-00000-2.pdf']);
    expect(batchForms([dir]).map((f) => f.output)).toContain(path.join('forms', 'form-00003.pdf'));
  });
});

describe('batch survives what goes wrong', () => {
  test('a crashed browser is relaunched: every other form still prints, the forms in flight are retried once', async () => {
    const dir = tempDir('jixiao-batch-crash-');
    const files = writeForms(dir, 10);
    writeFileSync(path.join(dir, 'broken.actuals.yaml'), 'definitions: ./nowhere.indicators.yaml\n');
    const out = path.join(dir, 'out');
    let printer: RelaunchingPrinter | undefined;
    let killed = false;
    const outcome = await runBatch(
      batchForms([dir]),
      { outDir: out, explain: false, newPrinter: () => (printer = launchPrinter({})) },
      batchSink,
      ({ done }) => {
        // the test hook: Chromium is killed outright after the third form, with others in flight
        if (done === 3 && !killed && printer) {
          killed = true;
          void printer.printer.then((p) => process.kill(p.pid!, 'SIGKILL'));
        }
      },
    );
    expect(killed).toBe(true);
    expect(outcome.relaunches).toBe(1);
    const byInput = Object.fromEntries(outcome.entries.map((e) => [e.input, e]));
    expect(byInput['broken.actuals.yaml']).toMatchObject({ status: 'failed' });
    expect(byInput['broken.actuals.yaml']!.codes).toContain('FILE_NOT_FOUND');
    expect(pdfsIn(out)).toHaveLength(files.length);
    for (const pdf of pdfsIn(out)) expect(wholePdf(path.join(out, pdf))).toBe(true);
    expect(outcome.entries.filter((e) => e.status !== 'failed')).toHaveLength(files.length);
  });

  test('a form whose browser dies again after the relaunch is that form’s failure (BROWSER_CRASHED), not the batch’s', async () => {
    const dir = tempDir('jixiao-batch-dying-');
    writeForms(dir, 2);
    const out = path.join(dir, 'out');
    // every browser this printer launches is killed as soon as it is up
    const dying = (): RelaunchingPrinter =>
      new RelaunchingPrinter(async () => {
        const p = await PdfPrinter.launch({});
        const pid = p.pid!;
        process.kill(pid, 'SIGKILL');
        // returned once the browser is gone (its process reaped), not after a guess at how long that takes
        await until(() => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        }, 10_000);
        return p;
      });
    const outcome = await runBatch(batchForms([dir]), { outDir: out, explain: false, newPrinter: dying }, batchSink);
    expect(outcome.entries.map((e) => [e.status, e.codes])).toEqual([
      ['failed', ['BROWSER_CRASHED']],
      ['failed', ['BROWSER_CRASHED']],
    ]);
    expect(outcome.entries[0]!.problems?.[0]).toMatch(/打印时浏览器退出/);
    expect(pdfsIn(out)).toEqual([]);
  });

  test('a re-run after a crash reads a journal whose last line was cut short, and redoes only that form', () => {
    const dir = tempDir('jixiao-journal-');
    const file = path.join(dir, 'journal.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ input: 'a.actuals.yaml', status: 'complete' })}\nnot json\n{"input":"b.actuals.yaml","sta`,
    );
    const journal = readJournal(file);
    expect([...journal.keys()]).toEqual(['a.actuals.yaml']);
  });

  test('temporary files of a killed writer are removed; those of a running process are kept', () => {
    const dir = tempDir('jixiao-tmp-');
    mkdirSync(path.join(dir, 'sub'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const abandoned = path.join(dir, 'sub', `.form.pdf.${dead}.0a1b2c3d.tmp`);
    const live = path.join(dir, `.other.pdf.${process.pid}.0a1b2c3d.tmp`);
    writeFileSync(abandoned, '%PDF-half');
    writeFileSync(live, '%PDF-half');
    writeFileSync(path.join(dir, 'form.pdf'), '%PDF-');
    expect(removeAbandonedTemporaries(dir)).toEqual([abandoned]);
    expect(filesUnder(dir)).toEqual(['.other.pdf.' + process.pid + '.0a1b2c3d.tmp', 'form.pdf']);
  });

  test('kill -9 a few forms into 300, then re-run: all 300 PDFs whole, none twice, the journal says which were skipped', async () => {
    const dir = tempDir('jixiao-batch-kill-');
    const forms = path.join(dir, 'forms');
    mkdirSync(forms);
    writeForms(forms, 300, 8);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'batch', forms, '-o', out], { stdio: 'ignore' });
    // killed once the journal says a few forms are done, however fast or loaded the machine is
    await until(() => journalLines(out).length >= 3, 180_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const printedBeforeKill = pdfsIn(out).length;
    // PDFs are written as each form is done, not at the end
    expect(printedBeforeKill).toBeGreaterThan(0);
    expect(printedBeforeKill).toBeLessThan(300);
    const journaled = journalLines(out).length;

    const rerun = spawnSync(process.execPath, [BIN, 'batch', forms, '-o', out, '--json'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect([0, 3]).toContain(rerun.status);
    const report = JSON.parse(rerun.stdout) as { forms: { action: string; output: string }[] };
    const skipped = report.forms.filter((f) => f.action === 'skipped').length;
    expect(skipped).toBe(journaled);
    expect(report.forms.filter((f) => f.action === 'rendered')).toHaveLength(300 - journaled);
    const pdfs = pdfsIn(out);
    expect(pdfs).toHaveLength(300);
    expect(new Set(report.forms.map((f) => f.output)).size).toBe(300);
    for (const pdf of pdfs) expect(wholePdf(path.join(out, pdf))).toBe(true);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});

describe('batch and worker: the queue address', () => {
  test('an address that is not redis:// is refused before anything is read', async () => {
    const run = await runCli('batch', 'examples/water-2023', '-o', tempDir(), '--queue', 'http://127.0.0.1:6379');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/QUEUE_URL_INVALID.*http:/);
    const worker = await runCli('worker', '--queue', 'redis://127.0.0.1:6379/main', '--lang', 'en');
    expect(worker.code).toBe(1);
    expect(worker.err).toMatch(/QUEUE_URL_INVALID.*"main" is not a whole number/);
  });

  test('a queue nobody answers is refused in seconds with the reason', async () => {
    const start = Date.now();
    const run = await runCli('batch', 'examples/water-2023', '-o', tempDir(), '--queue', 'redis://127.0.0.1:1');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/QUEUE_UNREACHABLE.*ECONNREFUSED/);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
