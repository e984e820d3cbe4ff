import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from '../src/pdf/findBrowser';
import { ROOT, tempDir } from './helpers';
import { firstOnPath } from './outsidePrograms';

const BIN = path.join(ROOT, 'dist/cli/main.js');

export interface Served {
  /** The address `jixiao serve` printed, with its token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  process: ChildProcess;
  stderr(): string;
  /** Ctrl-C: resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `jixiao serve <folder> --port 0` as a user would and waits for the address it prints. */
export function startServe(folder: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', folder, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:(\d+))\/\S*token=([0-9a-f]+)/.exec(err);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[0],
        origin: m[1]!,
        port: Number(m[2]),
        token: m[3]!,
        process: child,
        stderr: () => err,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGINT');
          return exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

/**
 * A folder to serve: the clean water example, its definitions alone in new/ (a form nobody has started), and in
 * markup/ the same form for a department whose name is markup.
 */
export function servedFolder(): string {
  const dir = tempDir('jixiao-serve-');
  cpSync(path.join(ROOT, 'examples/water-2023'), path.join(dir, 'water'), { recursive: true });
  mkdirSync(path.join(dir, 'new'));
  cpSync(path.join(ROOT, 'examples/water-2023/project.indicators.yaml'), path.join(dir, 'new/project.indicators.yaml'));
  mkdirSync(path.join(dir, 'markup'));
  const definitions = readFileSync(path.join(dir, 'water/project.indicators.yaml'), 'utf8').replace(
    'department: 示例市水利局',
    `department: "${MARKUP_NAME}"`,
  );
  writeFileSync(path.join(dir, 'markup/project.indicators.yaml'), definitions);
  writeFileSync(
    path.join(dir, 'markup/project.actuals.yaml'),
    readFileSync(path.join(dir, 'water/project.actuals.yaml'), 'utf8').replace(
      'seal: ./seal.png',
      'seal: ../water/seal.png',
    ),
  );
  return dir;
}

/** A department name that would run a script and bold a word if it were ever printed as HTML. */
export const MARKUP_NAME = '<script>window.pwned=1</script><b>水利局</b>';

/** Debian's Chromium driven by puppeteer-core: one browser for a suite, nothing of its own on the network. */
export function launchChromium(downloadPath = tempDir('jixiao-downloads-')): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findBrowser(),
    downloadBehavior: { policy: 'allow', downloadPath },
    headless: true,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

/** Firefox ESR through WebDriver BiDi, when Debian's package is installed. */
/** Firefox ESR as the PATH finds it (scripts/setup.sh installs firefox-esr). */
export const FIREFOX = firstOnPath('firefox-esr', 'firefox');

export function launchFirefox(): Promise<Browser> {
  if (!FIREFOX) throw new Error('Firefox is not on PATH');
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
}

/** Waits for a download to land in a folder: woken by the folder's own change events (the browser renames it in place). */
export function waitForFile(dir: string, name: string, timeoutMs = 30_000): Promise<string> {
  const full = path.join(dir, name);
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const done = (error?: Error): void => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve(full);
    };
    const timer = setTimeout(() => done(new Error(`no ${name} in ${dir}: ${readdirSync(dir).join(', ')}`)), timeoutMs);
    watcher.on('change', () => existsSync(full) && done());
    if (existsSync(full)) done();
  });
}

/** The page's cell for a data path. */
export const field = (p: string[]): string => `.fill[data-field="${JSON.stringify(p).replace(/"/g, '\\"')}"]`;

/** Waits until the page has the server's answer to the last edit. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.scoring === undefined && document.getElementById('status')!.textContent !== '',
  );
}

/** Types into a cell as a clerk does (select what is there, type over it) and waits for the new scores. */
export async function fill(page: Page, at: string[], value: string): Promise<void> {
  const input = await page.$(field(at));
  if (!input) throw new Error(`no cell ${at.join('.')}`);
  const before = await page.evaluate(() => Number(document.body.dataset.answered ?? '0'));
  // focused from the keyboard's side: the sticky toolbar and message bar may cover a cell a mouse would aim at
  await input.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await page.waitForFunction(
    (selector, typed, seen) =>
      (document.querySelector(selector) as HTMLInputElement).value === typed &&
      document.body.dataset.scoring === undefined &&
      Number(document.body.dataset.answered) > seen,
    {},
    field(at),
    value,
    before,
  );
}
