import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { mkdirSync, utimesSync } from 'node:fs';
import { PdfPrinter } from '../src/pdf/printer';
import { removeStaleProfiles } from '../src/pdf/profiles';
import { bundledAsset } from '../src/report/assets';
import { InputError } from '../src/errors/diagnostic';
import { ROOT, tempDir } from './helpers';

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line mentions `needle` (other than this check itself). */
function processesMentioning(needle: string): string[] {
  const r = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(needle) && !l.includes(' ps -eo'));
}

const PAGE =
  '<!DOCTYPE html><html lang="zh-CN"><head><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/fonts.css"></head><body><p>正常页面</p></body></html>';
const HANGING =
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/never.css"></head><body><p>挂起</p></body></html>';

describe('a page reused for the next form', () => {
  it('prints only the new form: nothing of the previous one, the same text and pages as on a fresh page, images loaded', async () => {
    const dir = tempDir();
    const form = (unit: string, rows: number, seal = false): string =>
      `<!DOCTYPE html><html lang="zh-CN"><head><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/fonts.css"><link rel="stylesheet" href="/assets/form.css"><title>${unit}</title></head><body><h1>${unit}</h1>` +
      `<table class="block">${Array.from({ length: rows }, (_, i) => `<tr><td>${unit}第${i + 1}行</td></tr>`).join('')}</table>` +
      (seal ? `<img alt="印" style="width:80px;height:80px" src="data:image/png;base64,${SEAL_PNG}">` : '') +
      '</body></html>';
    const textOf = (pdf: Uint8Array, name: string): string => {
      const file = path.join(dir, name);
      writeFileSync(file, pdf);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    };
    const reused = await PdfPrinter.launch({ concurrency: 1 });
    const fresh = await PdfPrinter.launch({ concurrency: 1 });
    try {
      const first = await reused.print({ html: form('甲单位', 120, true), resolveAsset: bundledAsset, name: 'a' });
      const second = await reused.print({ html: form('乙单位', 3), resolveAsset: bundledAsset, name: 'b' });
      const alone = await fresh.print({ html: form('乙单位', 3), resolveAsset: bundledAsset, name: 'b' });
      const text = textOf(second.pdf, 'b.pdf');
      expect(text).toContain('乙单位第3行');
      expect(text).not.toContain('甲单位');
      expect(text).toBe(textOf(alone.pdf, 'b-alone.pdf'));
      expect(textOf(first.pdf, 'a.pdf')).toContain('甲单位第120行');
      // the second form asked for no font or stylesheet again: they stayed loaded in the page
      expect(second.stats.served).toBeLessThan(alone.stats.served);
      // the seal image of a reused page is drawn (an image XObject in the PDF)
      const sealed = await reused.print({ html: form('丙单位', 2, true), resolveAsset: bundledAsset, name: 'c' });
      writeFileSync(path.join(dir, 'c.pdf'), sealed.pdf);
      expect(
        execFileSync('pdfimages', ['-list', path.join(dir, 'c.pdf')], { encoding: 'utf8' })
          .trim()
          .split('\n').length,
      ).toBeGreaterThan(2);
    } finally {
      await reused.close();
      await fresh.close();
    }
  });
});

describe('pages printed out of sight', () => {
  it('every printing page is behind the blank front tab: hidden, so never painted for a screen', async () => {
    const dir = tempDir();
    // the page script writes what the page itself says of its visibility into the printed text
    const prepare = "document.body.insertAdjacentText('beforeend', ' 可见性:' + document.visibilityState)";
    const printer = await PdfPrinter.launch({ concurrency: 2 });
    try {
      const printed = await Promise.all(
        ['甲', '乙', '丙', '丁'].map((unit) =>
          printer.print({ html: PAGE.replace('正常页面', unit), resolveAsset: bundledAsset, name: unit, prepare }),
        ),
      );
      printed.forEach((p, i) => {
        const file = path.join(dir, `${i}.pdf`);
        writeFileSync(file, p.pdf);
        expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain(
          '可见性:hidden',
        );
      });
    } finally {
      await printer.close();
    }
  });
});

/** A 2×2 red PNG. */
const SEAL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

describe('one browser per run, always closed', () => {
  it('a page that hangs is retried once on a fresh page, then fails clearly while the others print', async () => {
    let hangingRequests = 0;
    const resolveAsset = async (pathname: string) => {
      if (pathname === '/assets/never.css') {
        hangingRequests++;
        return new Promise<never>(() => undefined); // never answers
      }
      return bundledAsset(pathname);
    };
    const printer = await PdfPrinter.launch({ timeoutMs: 2_000 });
    const pid = printer.pid;
    const profile = printer.profile;
    try {
      const results = await Promise.allSettled([
        printer.print({ html: PAGE, resolveAsset, name: 'a' }),
        printer.print({ html: HANGING, resolveAsset, name: 'stuck' }),
        printer.print({ html: PAGE, resolveAsset, name: 'b' }),
      ]);
      expect(results[0]!.status).toBe('fulfilled');
      expect(results[2]!.status).toBe('fulfilled');
      expect(results[1]!.status).toBe('rejected');
      const error = (results[1] as PromiseRejectedResult).reason as InputError;
      expect(error).toBeInstanceOf(InputError);
      expect(error.diagnostics[0]!.code).toBe('RENDER_TIMEOUT');
      expect(hangingRequests).toBe(2); // first attempt and the retry on a fresh page
      // the printer still works after a hang
      const after = await printer.print({ html: PAGE, resolveAsset, name: 'c' });
      expect(after.stats.attempts).toBe(1);
    } finally {
      await printer.close();
    }
    expect(alive(pid)).toBe(false);
    expect(existsSync(profile)).toBe(false);
    expect(processesMentioning(profile)).toEqual([]);
  }, 60_000);

  it('the CLI leaves no chromium process behind, after success and after a failed form', () => {
    const tmp = tempDir('jixiao-cli-tmp-');
    const out = tempDir('jixiao-cli-out-');
    const bad = path.join(ROOT, 'test/fixtures/bad/yaml-syntax/actuals.yaml');
    const good = path.join(ROOT, 'test/fixtures/good/small.actuals.yaml');
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/cli/main.js'), 'render', good, bad, '-o', `${out}/`],
      {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1); // one form failed
    expect(run.stderr).toContain('YAML_SYNTAX');
    expect(readdirSync(out)).toEqual(['small.pdf']); // the good one rendered; nothing half-written
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]); // the browser profile was removed
    expect(execFileSync('pdfinfo', [path.join(out, 'small.pdf')], { encoding: 'utf8' })).toContain('Pages:');
    writeFileSync(path.join(tmp, 'done'), '');
  }, 60_000);

  it('a failed render exits promptly: the process is gone within seconds of printing its error', () => {
    const bad = path.join(ROOT, 'test/fixtures/bad/yaml-syntax/actuals.yaml');
    const start = Date.now();
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/cli/main.js'), 'render', bad, '-o', `${tempDir()}/`],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(1);
    expect(Date.now() - start).toBeLessThan(8_000);
  }, 60_000);

  it('profiles left by a killed run are removed at the next launch once an hour old; fresh ones stay', async () => {
    const tmp = tempDir('jixiao-stale-');
    const old = path.join(tmp, 'jixiao-chrome-killed');
    const fresh = path.join(tmp, 'jixiao-chrome-running');
    const other = path.join(tmp, 'somebody-elses');
    for (const dir of [old, fresh, other]) mkdirSync(dir);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(other, twoHoursAgo, twoHoursAgo);
    expect(removeStaleProfiles(Date.now(), tmp)).toEqual([old]);
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
  });

  it('a profile named with the pid of a process that has gone (killed with -9) is removed at once; a running one stays', () => {
    const tmp = tempDir('jixiao-stale-pid-');
    // a pid that has certainly ended: a child that ran and exited
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const killed = path.join(tmp, `jixiao-chrome-${gone}-AbCdEf`);
    const ours = path.join(tmp, `jixiao-chrome-${process.pid}-GhIjKl`);
    for (const dir of [killed, ours]) mkdirSync(dir);
    expect(removeStaleProfiles(Date.now(), tmp)).toEqual([killed]);
    expect([existsSync(killed), existsSync(ours)]).toEqual([false, true]);
  });
});
