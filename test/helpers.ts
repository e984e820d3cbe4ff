import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** What `-o -` wrote to stdout. */
  bytes: Buffer;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const chunks: Buffer[] = [];
  const code = await main(argv, {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    interactive: false,
    colour: false,
    columns: 136,
    bytes: (data) => chunks.push(Buffer.from(data)),
  });
  return { code, out, err, bytes: Buffer.concat(chunks) };
}

/** A temporary folder of its own, listed for removal when the whole run ends (test/globalTeardown.ts). */
export function tempDir(prefix = 'jixiao-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const list = process.env.JIXIAO_TEST_TEMP_LIST;
  if (list) appendFileSync(list, `${dir}\n`);
  return dir;
}

export const ROOT = path.resolve(__dirname, '..');
export const DEPARTMENT = 'examples/zhuzhou-2020/department.actuals.yaml';
export const PROJECT = 'examples/zhuzhou-2020/project.actuals.yaml';
export const CLEAN = 'examples/water-2023/project.actuals.yaml';
export const OVERRIDE = 'examples/water-2023/override.actuals.yaml';

/**
 * Runs work with exactly these password variables set (JIXIAO_P12_PASSWORD, JIXIAO_CA_PASSWORD and any others given),
 * the two cleared otherwise, and puts the environment back afterwards.
 */
export async function withPasswords<T>(env: Record<string, string> | undefined, work: () => Promise<T>): Promise<T> {
  const saved = { P: process.env.JIXIAO_P12_PASSWORD, C: process.env.JIXIAO_CA_PASSWORD };
  delete process.env.JIXIAO_P12_PASSWORD;
  delete process.env.JIXIAO_CA_PASSWORD;
  Object.assign(process.env, env ?? {});
  try {
    return await work();
  } finally {
    for (const [k, v] of [
      ['JIXIAO_P12_PASSWORD', saved.P],
      ['JIXIAO_CA_PASSWORD', saved.C],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * Waits until a condition holds (a file appears, a journal grows), looking again every 50 ms, with a ceiling: a
 * test waits for what it needs to happen, never for a fixed time, so a slow machine only makes it slower.
 */
export async function until(check: () => boolean, ceilingMs: number): Promise<void> {
  const end = Date.now() + ceilingMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not so after ${ceilingMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
