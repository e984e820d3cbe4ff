import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { ROOT, runCli, tempDir } from './helpers';
import { makeTestP12 } from '../src/sign/keygen';
import { findBrowser } from '../src/pdf/findBrowser';
import { PdfPrinter } from '../src/pdf/printer';
import { InputError } from '../src/errors/diagnostic';

// Each code below is produced by the input a person would really give, through the CLI where one exists,
// and asserted with its location: the rest of the catalog is covered by the suites of its own area.

interface Variant {
  dir: string;
  actuals: string;
  definitions: string;
}

/** A copy of the clean water example with text replacements applied to its two files. */
function variant(
  edit: { actuals?: [string | RegExp, string][]; definitions?: [string | RegExp, string][] } = {},
): Variant {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  const apply = (file: string, edits: [string | RegExp, string][] = []): string => {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of edits) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit not applied: ${String(from)}`);
      text = next;
    }
    writeFileSync(file, text);
    return file;
  };
  return {
    dir,
    actuals: apply(path.join(dir, 'project.actuals.yaml'), edit.actuals),
    definitions: apply(path.join(dir, 'project.indicators.yaml'), edit.definitions),
  };
}

/** Runs `score --json` and returns the codes of the errors (exit 1) or of the warnings (exit 0), with lines. */
async function codes(file: string): Promise<{ code: number; found: [string, number | null][] }> {
  const run = await runCli('score', file, '--json');
  const json = JSON.parse(run.out);
  if (run.code === 1)
    return { code: 1, found: json.errors.map((e: { code: string; line: number | null }) => [e.code, e.line]) };
  // a draft (exit 3): what it still needs, at its place
  if (run.code === 3)
    return {
      code: 3,
      found: json.pending.map((w: { code: string; location?: { line: number } }) => [w.code, w.location?.line ?? null]),
    };
  return {
    code: run.code,
    found: json.warnings.map((w: { code: string; location?: { line: number } }) => [w.code, w.location?.line ?? null]),
  };
}

describe('reading files', () => {
  test('a folder, a symlink loop and an oversized file are refused with their own codes, exit 1', async () => {
    const dir = tempDir();
    // a folder is searched for PDFs (NO_PDFS when it has none); a pipe named like one is refused, never read
    expect((await runCli('verify', dir, '--json')).out).toContain('"NO_PDFS"');
    execFileSync('mkfifo', [path.join(dir, 'pipe.pdf')]);
    expect((await runCli('verify', path.join(dir, 'pipe.pdf'), '--json')).out).toContain('"NOT_A_REGULAR_FILE"');
    expect(JSON.parse((await runCli('verify', dir, '--json')).out)).toEqual([
      expect.objectContaining({ verdict: 'failed', reason: expect.stringContaining('不是普通文件') }),
    ]);
    symlinkSync(path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml'));
    symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
    const loop = await runCli('score', path.join(dir, 'a.yaml'), '--json');
    expect(loop.code).toBe(1);
    expect(JSON.parse(loop.out).errors[0]).toMatchObject({ code: 'LINK_BROKEN' });
    const big = path.join(dir, 'big.actuals.yaml');
    writeFileSync(big, '');
    truncateSync(big, 11 * 1024 * 1024);
    expect(JSON.parse((await runCli('score', big, '--json')).out).errors[0]).toMatchObject({
      code: 'FILE_TOO_LARGE',
      file: null,
    });
  });

  test('a folder with no actuals file says so (NO_FORMS)', async () => {
    const run = await runCli('score', tempDir(), '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).errors[0].code).toBe('NO_FORMS');
  });

  test('a missing key, a number too precise to read exactly, and a duplicate id, each at its line', async () => {
    const missing = variant({ actuals: [[/^overallGoal:\n {2}actual: .*\n/m, '']] });
    expect((await codes(missing.actuals)).found).toEqual([['REQUIRED', 3]]);
    const precise = variant({ actuals: [['declaredScore: 9.8', 'declaredScore: 9.80000000000000001']] });
    expect((await codes(precise.actuals)).found).toEqual([['NUMBER_TOO_PRECISE', 12]]);
    const duplicate = variant({ definitions: [['id: "1.2"', 'id: "1.1"']] });
    expect((await codes(duplicate.actuals)).found).toEqual(expect.arrayContaining([['DUPLICATE_ID', 26]]));
  });
});

describe('a form read against its rule set', () => {
  test('targets and actuals that say different things (QUALIFIER_MISMATCH)', async () => {
    const v = variant({
      definitions: [['target: ≥95%, maxScore: 10 }', 'target: 同比增长≥5%, maxScore: 10 }']],
      actuals: [['actual: 97.5%', 'actual: 环比增长6%']],
    });
    expect((await codes(v.actuals)).found).toEqual([['QUALIFIER_MISMATCH', 18]]);
  });

  test('a blank 预期目标 is read and said at its cell (GOAL_BLANK), as lint says it; written, nothing', async () => {
    expect((await codes(variant().actuals)).found.map(([code]) => code)).not.toContain('GOAL_BLANK');
    const v = variant({ definitions: [[/expected: .*\n/, 'expected: ""\n']] });
    const scored = await codes(v.actuals);
    expect(scored.code).toBe(0);
    expect(scored.found).toContainEqual(['GOAL_BLANK', 17]);
    const lint = await runCli('lint', v.definitions, '--json');
    expect(JSON.parse(lint.out)[0].findings).toContainEqual(expect.objectContaining({ code: 'GOAL_BLANK', line: 17 }));
  });

  test('a form without the 满意度指标 its rule set weighs says so at its levels (LEVEL_NOT_ON_FORM); with it, nothing', async () => {
    expect((await codes(variant().actuals)).found.map(([code]) => code)).not.toContain('LEVEL_NOT_ON_FORM');
    const v = variant({
      definitions: [[/ {2}- level1: 满意度指标\n[\s\S]*$/, '']],
      actuals: [['  "3.1": { actual: 93.2%, declaredScore: 10 }\n', '']],
    });
    const run = await runCli('score', v.actuals, '--json');
    const missing = JSON.parse(run.out).warnings.filter((w: { code: string }) => w.code === 'LEVEL_NOT_ON_FORM');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('「满意度指标」（10 分）');
    // at the list of levels, where the missing one belongs
    expect(missing[0].location.line).toBe(20);
  });

  test('a full-year budget of 0: computed from the breakdown with a warning, or refused when there is none', async () => {
    const fromRows = variant({
      actuals: [['  fullYearBudget: 1180\n  executed: 1156.4', '  fullYearBudget: 0\n  executed: 1156.4']],
    });
    const scored = await codes(fromRows.actuals);
    expect(scored.code).toBe(0);
    expect(scored.found).toEqual(expect.arrayContaining([['BUDGET_FROM_BREAKDOWN', 6]]));
    // a whole 合计 row of zeros: every figure, the 年初预算数 too, is the sum of the 其中 rows
    const zeroRow = variant({
      actuals: [
        [
          / {2}initialBudget: .*\n {2}fullYearBudget: 1180\n {2}executed: 1156.4/,
          '  initialBudget: 0\n  fullYearBudget: 0\n  executed: 0',
        ],
      ],
    });
    const json = JSON.parse((await runCli('score', zeroRow.actuals, '--json')).out);
    expect(json.warnings.filter((w: { code: string }) => w.code === 'BUDGET_FROM_BREAKDOWN')).toHaveLength(3);
    expect(json.budget).toMatchObject({ initialBudget: '1200', fullYearBudget: '1180', executed: '1156.4' });
    const none = variant({
      actuals: [
        ['  fullYearBudget: 1180\n  executed: 1156.4', '  fullYearBudget: 0\n  executed: 1156.4'],
        [
          'currentYear: { initialBudget: 1200, fullYearBudget: 1180, executed: 1156.4 }',
          'currentYear: { initialBudget: 1200, fullYearBudget: 0, executed: 0 }',
        ],
      ],
    });
    expect((await codes(none.actuals)).found).toEqual([['BUDGET_ZERO', 6]]);
  });

  test('a declared grade that differs from the computed one', async () => {
    const v = variant({ actuals: [['declaredGrade: 优', 'declaredGrade: good']] });
    const scored = await codes(v.actuals);
    expect(scored.found).toEqual([['DECLARED_GRADE_MISMATCH', 28]]);
    const run = await runCli('score', v.actuals, '--lang', 'en');
    expect(run.out).toMatch(/DECLARED_GRADE_MISMATCH/);
  });

  test('a rule set with a hole or two rules at odds: RULE_GAP and RULE_CONFLICT at the row', async () => {
    // an equal-type row that misses its target: with 等于型指标 removed, no rule scores it
    const gap = variant({
      definitions: [['ruleSet: caiyu-2020-10', 'ruleSet: ./gap.yaml']],
      actuals: [['actual: 38个', 'actual: 37个']],
    });
    writeFileSync(
      path.join(gap.dir, 'gap.yaml'),
      'id: gap\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 缺口\nrules:\n  remove: [等于型指标]\n',
    );
    expect((await codes(gap.actuals)).found).toEqual([['RULE_GAP', 23]]);
    const conflict = variant({ definitions: [['ruleSet: caiyu-2020-10', 'ruleSet: ./conflict.yaml']] });
    writeFileSync(
      path.join(conflict.dir, 'conflict.yaml'),
      [
        'id: conflict',
        'extends: caiyu-2020-10',
        'version: 0.0.1',
        'name: 冲突',
        'rules:',
        '  add:',
        '    - name: 等于型指标另一种计分',
        '      priority: 80',
        '      conditions: { all: [{ fact: direction, operator: equal, value: equal }] }',
        '      event: { type: score, params: { method: proportional } }',
        '',
      ].join('\n'),
    );
    expect((await codes(conflict.actuals)).found).toEqual([['RULE_CONFLICT', 23]]);
  });
});

describe('rule sets and lint', () => {
  test('an unknown operator, a duplicate rule to add, an incomplete new level-1', async () => {
    const dir = tempDir();
    const write = (name: string, body: string): string => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        `id: ${name.replace('.yaml', '')}\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 测试\n${body}`,
      );
      return file;
    };
    const operator = write(
      'operator.yaml',
      'rules:\n  add:\n    - name: 比较\n      conditions: { all: [{ fact: maxScore, operator: bigger, value: 1 }] }\n      event: { type: flag, params: { code: OVER_ACHIEVEMENT } }\n',
    );
    const lint = await runCli('lint', operator, '--json');
    expect(JSON.parse(lint.out)[0].findings.map((f: { code: string }) => f.code)).toContain('UNKNOWN_OPERATOR');
    const duplicate = write(
      'dup.yaml',
      'rules:\n  add:\n    - name: 不适用指标\n      conditions: { all: [{ fact: kind, operator: equal, value: notApplicable }] }\n      event: { type: score, params: { method: notApplicable } }\n',
    );
    const dupRun = await runCli('ruleset', 'show', duplicate, '--json');
    expect(JSON.parse(dupRun.out).errors[0]).toMatchObject({ code: 'RULESET_DELTA_DUPLICATE_RULE', line: 7 });
    const level1 = write('level1.yaml', 'framework:\n  level1:\n    - name: 成本指标\n');
    expect(JSON.parse((await runCli('ruleset', 'show', level1, '--json')).out).errors[0]).toMatchObject({
      code: 'RULESET_DELTA_LEVEL1',
      line: 7,
    });
  });

  test('a number target without a unit is a lint warning (LINT_NO_UNIT)', async () => {
    const v = variant({ definitions: [['target: ≥12处, maxScore: 10', 'target: ≥12, maxScore: 10']] });
    const run = await runCli('lint', v.definitions, '--json');
    const findings = JSON.parse(run.out)[0].findings.map((f: { code: string; line: number }) => [f.code, f.line]);
    expect(findings).toContainEqual(['LINT_NO_UNIT', 25]);
  });
});

describe('signing inputs', () => {
  const password = 'test-password';
  let dir: string;
  let p12: string;
  let bare: string;
  let noBoxes: string;
  beforeAll(async () => {
    dir = tempDir();
    p12 = path.join(dir, 'signer.p12');
    writeFileSync(p12, makeTestP12({ commonName: '测试签署人', keyBits: 1024 }, password));
    const plain = await PDFDocument.create();
    plain.addPage();
    bare = path.join(dir, 'bare.pdf');
    writeFileSync(bare, await plain.save());
    // A PDF whose embedded data has the right shape but no signature box for any role.
    const withData = await PDFDocument.create();
    withData.addPage();
    const embedded = {
      format: 'jixiao-embedded/1',
      jixiaoVersion: 'test',
      createdAt: new Date().toISOString(),
      inputs: {
        definitions: { name: 'd', text: '', sha256: '' },
        actuals: { name: 'a', text: '', sha256: '' },
        ruleSet: { name: 'r', text: '', sha256: '', id: 'x' },
      },
      result: {},
      resultSha256: '',
      signatureBoxes: [],
    };
    await withData.attach(Buffer.from(JSON.stringify(embedded)), 'jixiao-data.json', { mimeType: 'application/json' });
    noBoxes = path.join(dir, 'no-boxes.pdf');
    writeFileSync(noBoxes, await withData.save());
  });
  const sign = async (...argv: string[]) => {
    process.env.JIXIAO_P12_PASSWORD = password;
    try {
      const run = await runCli('sign', ...argv, '--json');
      return { code: run.code, errors: run.code === 1 ? JSON.parse(run.out).errors : [] };
    } finally {
      delete process.env.JIXIAO_P12_PASSWORD;
    }
  };

  test('an unknown role, a bad p12, a certificate not yet valid', async () => {
    expect((await sign(bare, '--p12', p12, '--role', '校长')).errors[0].code).toBe('UNKNOWN_ROLE');
    const notP12 = path.join(dir, 'not.p12');
    writeFileSync(notP12, 'not a certificate');
    expect((await sign(bare, '--p12', notP12, '--role', '填表人')).errors[0].code).toBe('BAD_P12');
    const future = path.join(dir, 'future.p12');
    writeFileSync(
      future,
      makeTestP12({ commonName: '未来证书', keyBits: 1024, notBefore: new Date(Date.now() + 86_400_000) }, password),
    );
    expect((await sign(bare, '--p12', future, '--role', '填表人')).errors[0].code).toBe('CERT_NOT_YET_VALID');
  });

  test('a garbage PDF, a PDF without jixiao data, a PDF with no box for the role, a seal that is not PNG/JPEG', async () => {
    const garbage = path.join(dir, 'garbage.pdf');
    writeFileSync(garbage, 'this is not a PDF');
    const unreadable = (await sign(garbage, '--p12', p12, '--role', '填表人')).errors[0];
    expect(unreadable.code).toBe('PDF_UNREADABLE');
    // the library's English reason comes after what it means, said in Chinese
    expect(unreadable.message).toMatch(/^无法读取 PDF .*garbage\.pdf：文件已损坏，或不是 PDF（解析库的说明：.+）$/);
    expect((await sign(bare, '--p12', p12, '--role', '填表人')).errors[0].code).toBe('NOT_A_JIXIAO_PDF');
    expect((await sign(noBoxes, '--p12', p12, '--role', '审核人')).errors[0].code).toBe('NO_SIGNATURE_BOX');
    const gif = path.join(dir, 'seal.gif');
    writeFileSync(gif, 'GIF89a');
    expect((await sign(noBoxes, '--p12', p12, '--role', '填表人', '--seal', gif)).errors[0].code).toBe('SEAL_FORMAT');
  });
});

describe('the browser', () => {
  test('a browser named by JIXIAO_CHROMIUM that does not exist, or that cannot start', async () => {
    expect(() => findBrowser({ JIXIAO_CHROMIUM: '/nonexistent/chromium' })).toThrow(InputError);
    try {
      findBrowser({ JIXIAO_CHROMIUM: '/nonexistent/chromium' });
    } catch (error) {
      expect((error as InputError).diagnostics[0]!.code).toBe('BROWSER_NOT_FOUND');
    }
    const fake = path.join(tempDir(), 'fake-chromium');
    mkdirSync(path.dirname(fake), { recursive: true });
    writeFileSync(fake, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    await expect(PdfPrinter.launch({ executablePath: fake })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'BROWSER_LAUNCH_FAILED' })],
    });
  });
});
