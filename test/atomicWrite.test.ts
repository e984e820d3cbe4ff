import { spawnSync } from 'node:child_process';
import type * as fs from 'node:fs';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../src/cli/io';
import { ROOT, runCli, tempDir } from './helpers';

/** A pid that has certainly ended: a child that ran and exited. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
}

describe('writing a file whole', () => {
  it('keeps the permissions of the file it replaces (0600 stays 0600, 0640 stays 0640)', () => {
    const dir = tempDir('jixiao-atomic-');
    for (const mode of [0o600, 0o640, 0o644]) {
      const file = path.join(dir, `f${mode.toString(8)}.yaml`);
      writeFileSync(file, 'old');
      chmodSync(file, mode);
      writeFileAtomic(file, 'new');
      expect([readFileSync(file, 'utf8'), statSync(file).mode & 0o777]).toEqual(['new', mode]);
    }
  });

  it('removes what a writer killed at the rename left of the same file, and no one else’s', () => {
    const dir = tempDir('jixiao-atomic-');
    const file = path.join(dir, 'form.signed.pdf');
    const dead = deadPid();
    const abandoned = `.form.signed.pdf.${dead}.0badf00d.tmp`;
    const live = `.form.signed.pdf.${process.pid}.1badf00d.tmp`;
    const other = `.other.pdf.${dead}.2badf00d.tmp`;
    for (const name of [abandoned, live, other])
      writeFileSync(path.join(dir, name), 'a whole PDF that never got its name');
    writeFileAtomic(file, 'signed');
    expect(readdirSync(dir).sort()).toEqual([live, other, 'form.signed.pdf'].sort());
  });

  it('a thousand files written into one folder list it once, not once a file (a year of PDFs in one folder)', () => {
    const dir = tempDir('jixiao-atomic-');
    const dead = deadPid();
    const abandoned = (i: number): string => `.form-${i}.pdf.${dead}.0badf00d.tmp`;
    for (const i of [10, 500, 999]) writeFileSync(path.join(dir, abandoned(i)), 'left by a killed run');
    // the module itself, not an import's copy of its names
    const listed = jest.spyOn(jest.requireActual<typeof fs>('node:fs'), 'readdirSync');
    try {
      for (let i = 0; i < 1000; i++) writeFileAtomic(path.join(dir, `form-${i}.pdf`), `form ${i}`);
      expect(listed.mock.calls.filter(([folder]) => folder === dir)).toHaveLength(1);
    } finally {
      listed.mockRestore();
    }
    // every temporary a killed run left is still removed when its own file is written
    const names = readdirSync(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(names).toHaveLength(1000);
    expect(readFileSync(path.join(dir, 'form-999.pdf'), 'utf8')).toBe('form 999');
  });

  it('jixiao import into an existing 0600 actuals file keeps it 0600', async () => {
    const dir = tempDir('jixiao-atomic-');
    cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
    const xlsx = path.join(dir, 'form.xlsx');
    expect((await runCli('export', path.join(dir, 'project.actuals.yaml'), '-o', xlsx)).code).toBe(0);
    const actuals = path.join(dir, 'project.actuals.yaml');
    chmodSync(actuals, 0o600);
    const run = await runCli('import', xlsx, '-o', actuals, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ updated: true });
    expect(statSync(actuals).mode & 0o777).toBe(0o600);
    expect(existsSync(actuals)).toBe(true);
  });
});
