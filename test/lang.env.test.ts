import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLEAN, ROOT } from './helpers';

/** The language from --lang, else JIXIAO_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG). */
const BIN = path.join(ROOT, 'dist/cli/main.js');

function score(env: Record<string, string>, ...args: string[]) {
  const clean = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'JIXIAO_LANG']) delete clean[k];
  return spawnSync(process.execPath, [BIN, 'score', CLEAN, ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('choosing the language', () => {
  it.each([
    [{ JIXIAO_LANG: 'en' }, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'C.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8', JIXIAO_LANG: 'zh' }, 'zh'],
  ])('%j → %s', (env, lang) => {
    const run = score(env as Record<string, string>);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(lang === 'en' ? 'Total: 99.8' : '总分：99.8');
  });

  it('--lang wins over the environment', () => {
    expect(score({ JIXIAO_LANG: 'en' }, '--lang', 'zh').stdout).toContain('总分：99.8');
  });

  it('a JIXIAO_LANG that is no offered language is a usage error naming it', () => {
    const run = score({ JIXIAO_LANG: 'fr' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('JIXIAO_LANG');
    expect(run.stderr).toContain('fr');
  });
});
