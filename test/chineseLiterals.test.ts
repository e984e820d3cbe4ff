import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT, runCli, tempDir } from './helpers';
import { writeFileSync } from 'node:fs';

/**
 * Chinese for people, English for code: a Chinese string in the code is text someone reads, and it lives in one of
 * these rooms, each for a reason. Anywhere else it is a message that `--lang en` cannot translate.
 */
const ALLOWED: Record<string, string> = {
  'src/errors/': 'the catalog: every message and UI text, in Chinese and English',
  'src/domain/glossary.ts': 'the glossary: identifiers and the Chinese labels people read',
  'src/domain/fields.ts': "the field table: each field's heading in Chinese and English",
  'src/domain/formWording.ts': "the printed form's own wording (the official 自评表 is Chinese in every language)",
  'src/domain/reviewWording.ts':
    'the re-check bench wording (复核.xlsx, 复核底稿, 复核报告: Chinese in every language, as filed)',
  'src/targets/': 'input vocabulary: the words targets, actuals and row names are written in (以上, 不低于, 万元)',
  'src/schema/':
    'the file formats: the descriptions editors show for each YAML key, and the words a file may use (达成, 优)',
};

const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every string, template or regular-expression literal with a Han character, outside type positions. */
function chineseLiterals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    // a type naming the words a value may be ('万' | '亿') is not text anyone reads
    if (ts.isLiteralTypeNode(node)) return;
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node);
    if (literal && HAN.test(node.getText(source)))
      found.push({
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        text: node.getText(source).slice(0, 60),
      });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no Chinese string literal outside the rooms that hold text for people', () => {
  const misplaced = sourceFiles(path.join(ROOT, 'src'))
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .filter((f) => !Object.keys(ALLOWED).some((room) => f.startsWith(room)))
    .flatMap((f) => chineseLiterals(path.join(ROOT, f)).map((l) => `${f}:${l.line} ${l.text}`));
  expect(misplaced).toEqual([]);
});

test('the scan finds a Chinese literal where it does not belong', () => {
  const dir = tempDir('jixiao-scan-');
  const file = path.join(dir, 'stray.ts');
  writeFileSync(
    file,
    "// 注释里的中文不算\nexport const ok = 'fine';\nexport const stray = `应为${1}个`;\nexport type Unit = '万';\n",
  );
  expect(chineseLiterals(file)).toEqual([
    { line: 3, text: '`应为${' },
    { line: 3, text: '}个`' },
  ]);
});

test('lint --lang en on a rule set with a duplicate rule name prints no Chinese', async () => {
  const dir = tempDir('jixiao-dup-');
  const file = path.join(dir, 'dup.yaml');
  const shipped = readFileSync(path.join(ROOT, 'indicators/rulesets/caiyu-2020-10.yaml'), 'utf8');
  // the shipped rule set made self-contained under a new id, with one rule given twice under an ASCII name
  const rule =
    '  - name: same-name\n    conditions:\n      all:\n        - { fact: kind, operator: equal, value: notApplicable }\n    event: { type: score, params: { method: notApplicable } }\n';
  // every Chinese name (rules, levels, the rule set's own) becomes name-1, name-2, …: the only duplicate is the one added
  let named = 0;
  const text = shipped
    .replace(/^id: .*$/m, 'id: dup-test')
    .replace(/^rules:\n/m, `rules:\n${rule}${rule}`)
    .replace(/^(\s*-?\s*name:)\s*[^\n]*\p{Script=Han}[^\n]*$/gmu, (_m, key: string) => `${key} name-${++named}`);
  writeFileSync(file, text.replace(/#[^\n]*/g, ''));
  const run = await runCli('lint', file, '--lang', 'en');
  expect(run.out + run.err).toMatch(/same-name/);
  expect(run.out + run.err).toContain('RULE_NAME_DUPLICATE');
  expect(run.out + run.err).toMatch(/used twice/);
  expect(run.out + run.err).not.toMatch(HAN);
  expect(run.code).toBe(1);
});
