import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG } from '../src/errors/catalog';
import { FIELD_RULES } from '../src/errors/fieldRules';
import { TEXTS } from '../src/errors/texts';
import { codesInData, codesInTypeScript, codesNamedIn } from './codesNamed';
import { ROOT, runCli } from './helpers';

/** Han characters and full-width punctuation: what must not appear in English output written by jixiao itself. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function filesUnder(dir: string, accept: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, accept) : accept(full) ? [full] : [];
  });
}

describe('the message catalog', () => {
  test('every English template, hint, text and field rule is English only', () => {
    const offending: string[] = [];
    for (const [code, entry] of Object.entries(CATALOG) as [string, { en: string; hintEn?: string }][]) {
      for (const t of [entry.en, entry.hintEn ?? '']) if (CJK.test(t)) offending.push(`${code}: ${t}`);
    }
    for (const [key, entry] of Object.entries(TEXTS) as [string, { en: string }][])
      if (CJK.test(entry.en)) offending.push(`${key}: ${entry.en}`);
    for (const [key, entry] of Object.entries(FIELD_RULES))
      if (CJK.test(entry.en)) offending.push(`${key}: ${entry.en}`);
    expect(offending).toEqual([]);
  });

  test('every code is named by a test or a rule-set test case (so each message is exercised somewhere)', () => {
    // named in test code (a string a test compares) or in test data (an expected flag), never merely in a comment
    const named = codesNamedIn([
      ...filesUnder(
        path.join(ROOT, 'test'),
        (f) => /\.(ts|ya?ml|json)$/.test(f) && !f.endsWith('messages.test.ts') && !f.endsWith('codesNamed.ts'),
      ),
      ...filesUnder(path.join(ROOT, 'indicators'), (f) => f.endsWith('.test.yaml')),
    ]);
    const unnamed = Object.keys(CATALOG).filter((code) => !named.has(code));
    expect(unnamed).toEqual([]);
  });

  test('a code mentioned only in a comment does not count as tested', () => {
    const source = [
      '// UNKNOWN_LEVEL1 is only talked about here',
      '/* and LINK_BROKEN here */',
      "expect(code).toBe('TARGET_NOT_READ');",
      'const t = `${a} QUEUE_LOST ${b}`;',
      'expect(err).toMatch(/QUEUE_UNREACHABLE.*ECONNREFUSED/);',
      'const half = total / 2 / COUNT_NOT_A_CODE;',
    ].join('\n');
    expect([...codesInTypeScript(source)].sort()).toEqual([
      'ECONNREFUSED',
      'QUEUE_LOST',
      'QUEUE_UNREACHABLE',
      'TARGET_NOT_READ',
    ]);
    expect(
      [...codesInData('flags:\n  COST_AS_CEILING: 1 # DIRECTION_FROM_NAME too\npending: [MISSING_ACTUAL]\n')].sort(),
    ).toEqual(['COST_AS_CEILING', 'MISSING_ACTUAL']);
  });

  test('`jixiao --help --lang en` and a command’s help are English only; Chinese help has Chinese headings', async () => {
    for (const argv of [
      ['--help'],
      ['score', '--help'],
      ['compare', '--help'],
      ['ruleset', 'show', '--help'],
      ['sign', '--help'],
    ]) {
      const run = await runCli(...argv, '--lang', 'en');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/Usage:/);
      expect(run.out).not.toMatch(CJK);
    }
    const zh = await runCli('score', '--help');
    expect(zh.out).toMatch(/^用法：/);
    expect(zh.out).toMatch(/选项：/);
    expect(zh.out).not.toMatch(/Options:/);
  });

  test('usage errors come from the catalog in the chosen language', async () => {
    const en = await runCli('score', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.err).toMatch(/error USAGE: Usage error: missing argument actuals/);
    expect(en.err).not.toMatch(CJK);
    const zh = await runCli('render', 'x.yaml', '--timeout', '1e12');
    expect(zh.code).toBe(1);
    expect(zh.out + zh.err).toContain('--timeout 应为 1000 至 600000 之间的整数，实际是 1e12');
    const lang = await runCli('score', 'x.yaml', '--lang', 'fr');
    expect(lang.err).toContain('--lang（或环境变量 JIXIAO_LANG）只能是 zh 或 en，实际是 fr');
  });

  test('an error in English names no Chinese of jixiao’s own (only the user’s data)', async () => {
    const run = await runCli('score', 'test/fixtures/bad/unknown-method/actuals.yaml', '--lang', 'en');
    expect(run.code).toBe(1);
    const own = run.err.replace(/「[^」]*」|"[^"]*"/g, '""');
    expect(own).not.toMatch(CJK);
  });

  test('a hint asking for a reason names the column a clerk sees and the YAML key, in either language', async () => {
    const zh = await runCli('score', 'examples/zhuzhou-2020/department.actuals.yaml');
    expect(zh.out + zh.err).toContain(
      '修改建议：在“偏差原因分析及改进措施”栏（YAML 中的 deviationReason）中填写原因分析及改进措施。',
    );
    const en = await runCli('score', 'examples/zhuzhou-2020/department.actuals.yaml', '--lang', 'en');
    expect(en.out + en.err).toContain(
      'fix: Write the reason in the "reason for deviation" column (deviationReason in YAML).',
    );
  });
});
