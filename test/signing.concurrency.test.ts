import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderForms } from '../src/pipeline/render';
import { keygen } from '../src/pipeline';
import { verifyPdf } from '../src/verify';
import { updateInPlace } from '../src/cli/io';
import { CLEAN, ROOT, tempDir } from './helpers';

// Two signers on one form at the same moment (each signing it in place): one signs, the other is told to run
// again; never do both print 已签署 while the file keeps one signature.

const dir = tempDir('jixiao-sign-race-');
const at = (f: string): string => path.join(dir, f);
const PASSWORD = 'race-password';
const BIN = path.join(ROOT, 'dist/cli/main.js');

beforeAll(async () => {
  const [form] = await renderForms([CLEAN], { explain: false });
  writeFileSync(at('unsigned.pdf'), form!.pdf!);
  for (const [role, cn] of [
    ['preparer', '并发填表人'],
    ['reviewer', '并发审核人'],
    ['head', '并发负责人'],
  ] as const) {
    writeFileSync(at(`${role}.p12`), keygen({ commonName: cn, password: PASSWORD }).p12);
  }
  // the race is between the two roles that may follow 填表人 on this form (it prints no reviewer's name)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [BIN, 'sign', at('unsigned.pdf'), '--p12', at('preparer.p12'), '--role', '填表人', '-o', at('presigned.pdf')],
      { env: { ...process.env, JIXIAO_P12_PASSWORD: PASSWORD }, stdio: 'ignore' },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`preparer exited ${code}`))));
  });
}, 60_000);

function sign(file: string, p12: string, role: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'sign', file, '--p12', p12, '--role', role], {
      env: { ...process.env, JIXIAO_P12_PASSWORD: PASSWORD },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('concurrent signers', () => {
  test('two sign runs on one file at once: every run that says 已签署 left its signature in the file (8 tries)', async () => {
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      const file = at(`race-${i}.pdf`);
      copyFileSync(at('presigned.pdf'), file);
      const runs = await Promise.all([
        sign(file, at('reviewer.p12'), '审核人'),
        sign(file, at('head.p12'), '单位负责人'),
      ]);
      const signed = runs.filter((r) => r.code === 0);
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(1);
        // told to run again, or (审核人 reading the file after 单位负责人 signed it) that it is now out of order
        expect(r.err).toMatch(/OUTPUT_LOCKED|OUTPUT_CHANGED|ROLE_OUT_OF_ORDER/);
        if (/OUTPUT_LOCKED|OUTPUT_CHANGED/.test(r.err)) refused++;
      }
      expect(signed.length).toBeGreaterThanOrEqual(1);
      const report = await verifyPdf(file);
      expect(report.signatures).toHaveLength(signed.length + 1);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // at least once the two really overlapped (else this test proved nothing)
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  test('a lock left by a process that no longer runs is taken over; one held by a running process refuses', async () => {
    const file = at('locked.pdf');
    writeFileSync(file, 'before');
    const lock = at('.locked.pdf.jixiao-lock');
    const io = {
      out: () => undefined,
      err: () => undefined,
      interactive: false,
      colour: false,
      columns: 120,
      bytes: () => undefined,
    };
    const update = async () => ({
      data: Buffer.from('after'),
      readSha256: '1ba6f8b8e8fe1c1d3bcbd4c36f1cba4e53bd7b1bd0c6c3bd74c4ac88dd1d2b64',
    });
    writeFileSync(lock, String(process.pid));
    await expect(updateInPlace(io, file, update)).rejects.toMatchObject({ diagnostics: [{ code: 'OUTPUT_LOCKED' }] });
    expect(readFileSync(file, 'utf8')).toBe('before');
    writeFileSync(lock, '999999999');
    // taken over, but the update read a different file than is there now: refused, nothing written
    await expect(updateInPlace(io, file, update)).rejects.toMatchObject({ diagnostics: [{ code: 'OUTPUT_CHANGED' }] });
    expect(readFileSync(file, 'utf8')).toBe('before');
  });
});
