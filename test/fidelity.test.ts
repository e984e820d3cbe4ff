import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { loadFormTexts } from '../src/load/loadForm';
import { compiled, loadRuleSet } from '../src/load/ruleSets';
import { scoreForm } from '../src/scoring/scoreForm';
import { ROOT, runCli, tempDir } from './helpers';

// Real forms from other provinces: level names vary, and every printed number is checked.

function form(
  edits: { definitions?: [string, string][]; actuals?: [string, string][] },
  extra?: (dir: string) => void,
): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
  for (const [name, list] of [
    ['project.indicators.yaml', edits.definitions],
    ['project.actuals.yaml', edits.actuals],
  ] as const) {
    const file = path.join(dir, name);
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of list ?? []) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit not applied: ${from}`);
      text = next;
    }
    writeFileSync(file, text);
  }
  extra?.(dir);
  return path.join(dir, 'project.actuals.yaml');
}

const score = async (file: string, ...more: string[]) => {
  const run = await runCli('score', file, '--json', ...more);
  return { code: run.code, json: JSON.parse(run.out) };
};

describe('level names as provinces print them', () => {
  const provincial = {
    definitions: [
      ['level1: 效益指标', 'level1: 效果指标'],
      ['level2: 时效指标', 'level2: 进度指标'],
      ['level2: 经济效益指标', 'level2: 经济效益'],
      ['level2: 服务对象满意度指标', 'level2: 服务对象 满意度'],
      ['level2: 数量指标', 'level2: 数量指标等'],
    ] as [string, string][],
  };

  test('synonyms, a missing 指标, spaces and a trailing 等 are the framework’s levels; names print as written', async () => {
    const { code, json } = await score(form(provincial));
    expect(code).toBe(0);
    expect(json.total).toBe('99.8');
    expect(
      [...json.warnings, ...json.notes]
        .map((w: { code: string }) => w.code)
        .filter((c: string) => c.startsWith('UNKNOWN_LEVEL')),
    ).toEqual([]);
    expect(json.levels.map((l: { name: string }) => l.name)).toEqual(['产出指标', '效果指标', '满意度指标']);
    expect(json.indicators.find((r: { id: string }) => r.id === '1.4').level2).toBe('进度指标');
  });

  test('rules test the framework’s name: the satisfaction rule fires for a level-1 printed as 满意度', async () => {
    const file = form({ definitions: [['level1: 满意度指标', 'level1: 满意度']] }, (dir) =>
      cpSync(path.join(ROOT, 'test/fixtures/rulesets/satisfaction.yaml'), path.join(dir, 'satisfaction.yaml')),
    );
    const { json } = await score(file, '--rules', path.join(path.dirname(file), 'satisfaction.yaml'));
    expect(json.indicators.find((r: { id: string }) => r.id === '3.1')).toMatchObject({
      method: 'satisfactionRate',
      finalScore: '9.32',
    });
  });

  test('an unknown 二级 under a known 一级 is a warning; a rule set can make it an error', async () => {
    const file = form({ definitions: [['level2: 质量指标', 'level2: 品质指标']] }, (dir) =>
      writeFileSync(
        path.join(dir, 'strict.yaml'),
        'id: strict\nextends: caiyu-2020-10\nversion: 0.0.1\nname: 二级指标须规范\nframework:\n  unknownLevel2: error\n',
      ),
    );
    const { code, json } = await score(file);
    expect(code).toBe(0);
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('UNKNOWN_LEVEL2');
    const strict = await score(file, '--rules', path.join(path.dirname(file), 'strict.yaml'));
    expect(strict.code).toBe(1);
    expect(strict.json.errors[0]).toMatchObject({ code: 'UNKNOWN_LEVEL2', line: 27 });
  });
});

describe('every printed number checked', () => {
  test('a 合计 that is not the sum of its 其中 rows (BUDGET_BREAKDOWN_MISMATCH)', async () => {
    const { json } = await score(
      form({
        actuals: [
          [
            'currentYear: { initialBudget: 1200, fullYearBudget: 1180, executed: 1156.4 }',
            'currentYear: { initialBudget: 1200, fullYearBudget: 1100, executed: 1156.4 }',
          ],
        ],
      }),
    );
    const mismatch = json.warnings.filter((w: { code: string }) => w.code === 'BUDGET_BREAKDOWN_MISMATCH');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0].message).toBe('年度资金总额（全年预算数）为 1180 万元，但“其中”各行合计 1100 万元');
  });

  test('a total never exceeds its maximum after rescaling for rows that do not apply (was 109.78 of 100)', async () => {
    const { json } = await score(
      form({
        definitions: [
          [
            '{ id: "2.4", name: 水源地生态补偿, target: /, maxScore: / }',
            '{ id: "2.4", name: 水源地生态补偿, target: /, maxScore: 10 }',
          ],
        ],
      }),
    );
    expect([json.total, json.maxTotal]).toEqual(['99.8', '100']);
    // rows that do apply add up to less than the form's 100: the total is rescaled onto 100, and says so
    const fewer = await score(
      form({
        definitions: [
          [
            '{ id: "2.4", name: 水源地生态补偿, target: /, maxScore: / }',
            '{ id: "2.4", name: 水源地生态补偿, target: /, maxScore: 10 }',
          ],
          [
            '{ id: "2.3", name: 集中供水覆盖行政村, target: ＝38个, maxScore: 5 }',
            '{ id: "2.3", name: 集中供水覆盖行政村, target: /, maxScore: 5 }',
          ],
        ],
        actuals: [['"2.3": { actual: 38个, declaredScore: 5 }', '"2.3": { actual: / }']],
      }),
    );
    expect(Number(fewer.json.total)).toBeLessThanOrEqual(Number(fewer.json.maxTotal));
    expect(fewer.json.maxTotal).toBe('100');
    expect(fewer.json.adjustments.map((a: { method: string }) => a.method)).toContain('rescaleNotApplicable');
  });

  describe("whose 分值 count: the form's by default, the framework's with weights: framework", () => {
    const ruleSet = (dir: string, name: string, extra = '') =>
      writeFileSync(
        path.join(dir, `${name}.yaml`),
        `id: ${name}\nextends: hubei\nversion: 0.0.1\nname: 湖北式，按规则集分值折算\nparameters:\n  weights: framework\n${extra}`,
      );
    const byName = (json: { levels: { name: string; score: string; maxScore: string }[] }, name: string) =>
      json.levels.find((l) => l.name === name)!;

    test("--rules hubei says it keeps the form's 分值; weights: framework rescales budget 10→20 and 产出 50→40, each step shown", async () => {
      const file = form({}, (dir) => ruleSet(dir, 'hubei-framework'));
      const asPrinted = await score(file, '--rules', 'hubei');
      const mismatch = asPrinted.json.warnings.filter((w: { code: string }) => w.code === 'WEIGHT_RULESET_MISMATCH');
      expect(mismatch.map((w: { message: string }) => w.message)).toEqual([
        '「预算执行率」在表上是 10 分，评分规则集 hubei 定为 20 分；按表上的分值评分（规则集参数 weights: framework 可改按规则集分值折算）',
        '「产出指标」在表上是 50 分，评分规则集 hubei 定为 40 分；按表上的分值评分（规则集参数 weights: framework 可改按规则集分值折算）',
      ]);
      expect(asPrinted.json.adjustments.map((a: { method: string }) => a.method)).not.toContain('frameworkWeights');

      const { json } = await score(file, '--rules', path.join(path.dirname(file), 'hubei-framework.yaml'));
      const weights = json.adjustments.filter((a: { method: string }) => a.method === 'frameworkWeights');
      expect(weights.map((a: { explanation: string }) => a.explanation)).toEqual([
        `「预算执行率」表上分值10分，按规则集分值20分折算：${json.budget.finalScore}×20÷10`,
        `「产出指标」表上分值50分，按规则集分值40分折算：${byName(json, '产出指标').score}×40÷50`,
      ]);
      const expected = new Decimal(json.budget.finalScore)
        .times(2)
        .plus(new Decimal(byName(json, '产出指标').score).times(0.8))
        .plus(byName(json, '效益指标').score)
        .plus(byName(json, '满意度指标').score);
      expect(json.total).toBe(expected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString());
      expect(json.maxTotal).toBe('100');
      expect(json.warnings.find((w: { code: string }) => w.code === 'WEIGHT_RULESET_MISMATCH').message).toContain(
        '按规则集的分值折算',
      );
    });

    test("a row that does not apply is rescaled inside its level onto the framework's weight, or left out when the rule set does not rescale", async () => {
      const notApplicable = {
        definitions: [
          [
            '{ id: "2.3", name: 集中供水覆盖行政村, target: ＝38个, maxScore: 5 }',
            '{ id: "2.3", name: 集中供水覆盖行政村, target: /, maxScore: 5 }',
          ],
        ] as [string, string][],
        actuals: [['"2.3": { actual: 38个, declaredScore: 5 }', '"2.3": { actual: / }']] as [string, string][],
      };
      const file = form(notApplicable, (dir) => {
        ruleSet(dir, 'hubei-framework');
        ruleSet(dir, 'hubei-framework-kept', 'notApplicable:\n  rescale: false\n'.replace(/^/gm, '  '));
      });
      const rescaled = (await score(file, '--rules', path.join(path.dirname(file), 'hubei-framework.yaml'))).json;
      const benefit = byName(rescaled, '效益指标');
      expect(benefit.maxScore).toBe('25');
      expect(rescaled.adjustments.map((a: { explanation: string }) => a.explanation)).toContain(
        `「效益指标」表上分值25分，按规则集分值30分折算：${benefit.score}×30÷25`,
      );
      expect(rescaled.adjustments.map((a: { method: string }) => a.method)).not.toContain('rescaleNotApplicable');
      expect(rescaled.maxTotal).toBe('100');

      const kept = (await score(file, '--rules', path.join(path.dirname(file), 'hubei-framework-kept.yaml'))).json;
      expect(kept.adjustments.map((a: { explanation: string }) => a.explanation)).not.toContain(
        expect.stringContaining('「效益指标」'),
      );
      expect(kept.maxTotal).toBe('95');
      expect(Number(kept.total)).toBeLessThanOrEqual(95);
    });
  });

  test('the seed 附件1-2 as printed: 总分 100, 得分 99.5, 等级 优 — so DECLARED_TOTAL_MISMATCH too', async () => {
    const { json } = await score(path.join(ROOT, 'examples/zhuzhou-2020/project.actuals.yaml'));
    expect(json.declared).toMatchObject({ total: '99.5', grade: '优', maxTotal: '100', rowsTotal: '94.5' });
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['DECLARED_SCORE_MISMATCH', 'WEIGHT_SUM_MISMATCH', 'DECLARED_TOTAL_MISMATCH']),
    );
  });
});

describe('every reason the clerk wrote prints on the form', () => {
  jest.setTimeout(60_000);

  test('the low-execution reason under the budget, a declared budget score marked ※ on page 1, deviation reasons in their column', async () => {
    const { execFileSync } = await import('node:child_process');
    const file = form({
      actuals: [
        ['  executed: 1156.4\n  breakdown', '  executed: 800\n  breakdown'],
        [
          'currentYear: { initialBudget: 1200, fullYearBudget: 1180, executed: 1156.4 }',
          'currentYear: { initialBudget: 1200, fullYearBudget: 1180, executed: 800 }',
        ],
        ['  declaredScore: 9.8\n', '  declaredScore: 9.8\n  reason: 项目资金拨付滞后，部分工程款次年支付\n'],
        [
          '"2.3": { actual: 38个, declaredScore: 5 }',
          '"2.3": { actual: 36个, declaredScore: 5, deviationReason: 两个村并入邻村供水, improvement: 下年度复核覆盖口径 }',
        ],
      ],
    });
    const pdf = path.join(tempDir(), 'reasons.pdf');
    const run = await runCli('render', file, '-o', pdf);
    expect([0, 3]).toContain(run.code);
    const page1 = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(page1).toContain('执行率偏低的原因');
    expect(page1).toContain('项目资金拨付滞后，部分工程款次年支付');
    expect(page1).toContain('表上9.8分');
    const all = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(all).toContain('两个村并入邻村供水；下年度复核覆盖口径');
  });
});

describe('wording read right, with a note where jixiao read between the lines', () => {
  test('a bare amount on a cost row is a ceiling (COST_AS_CEILING); 已按期完工 meets a deadline (DATE_BY_WORDS); far under a ceiling says the ceiling may be loose', async () => {
    const { json } = await score(
      form({
        definitions: [['target: ≤25万元/公里', 'target: 25万元/公里']],
        actuals: [
          ['actual: 23.6万元/公里', 'actual: 10万元/公里'],
          ['actual: 2023年11月18日', 'actual: 已按期完工'],
        ],
      }),
    );
    const codes = [...json.warnings, ...json.notes, ...json.pending].map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['COST_AS_CEILING', 'DATE_BY_WORDS', 'OVER_ACHIEVEMENT']));
    const over = json.warnings.find((w: { code: string }) => w.code === 'OVER_ACHIEVEMENT');
    expect(over.message).toContain('远低于上限，上限可能定得过宽');
    expect(json.indicators.find((r: { id: string }) => r.id === '1.4')).toMatchObject({
      kind: 'date',
      finalScore: '10',
    });
    expect(json.indicators.find((r: { id: string }) => r.id === '1.5')).toMatchObject({
      direction: 'lowerIsBetter',
      finalScore: '10',
    });
  });
});

describe('the form against its rule set', () => {
  test('--rules hubei says which printed 分值 differ from its framework, naming both (WEIGHT_RULESET_MISMATCH)', async () => {
    const { json } = await score(path.join(ROOT, 'examples/water-2023/project.actuals.yaml'), '--rules', 'hubei');
    const messages = json.warnings
      .filter((w: { code: string }) => w.code === 'WEIGHT_RULESET_MISMATCH')
      .map((w: { message: string }) => w.message);
    expect(messages.map((m: string) => m.replace(/；.*/, ''))).toEqual([
      '「预算执行率」在表上是 10 分，评分规则集 hubei 定为 20 分',
      '「产出指标」在表上是 50 分，评分规则集 hubei 定为 40 分',
    ]);
    const own = await score(path.join(ROOT, 'examples/water-2023/project.actuals.yaml'));
    expect(own.json.warnings).toEqual([]);
  });

  test('signed targets compare by sign: 1,000 random 同比增长≥-X% rows with the actual below the target never score full', async () => {
    const definitions = readFileSync(path.join(ROOT, 'examples/water-2023/project.indicators.yaml'), 'utf8');
    const actuals = readFileSync(path.join(ROOT, 'examples/water-2023/project.actuals.yaml'), 'utf8');
    const ruleSet = loadRuleSet('caiyu-2020-10');
    let full = 0;
    const cases = fc.sample(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })), {
      numRuns: 1000,
      seed: 14,
    });
    for (const [x, below] of cases) {
      const loaded = loadFormTexts({
        definitions: { name: 'd.yaml', text: definitions.replace('target: ≥12处', `target: 同比增长≥-${x}%`) },
        actuals: {
          name: 'a.yaml',
          text: actuals.replace(
            '"1.1": { actual: 12处, declaredScore: 10 }',
            `"1.1": { actual: 同比增长-${x + below}%, deviationReason: 试 }`,
          ),
        },
        ruleSet: { name: 'r.yaml', text: ruleSet.text },
      });
      const result = await scoreForm(loaded.input, compiled(loaded.ruleSet).fast());
      const row = result.indicators.find((r) => r.id === '1.1')!;
      if (row.finalScore.equals(row.maxScore!)) full++;
    }
    expect(full).toBe(0);
  });
});

describe('grade words come from the rule set', () => {
  test('a rule set that prints 优秀/良好/合格/不合格: the result, the report and a declared 优秀 agree', async () => {
    const file = form({ actuals: [['declaredGrade: 优', 'declaredGrade: 优秀']] }, (dir) =>
      writeFileSync(
        path.join(dir, 'words.yaml'),
        [
          'id: words',
          'extends: caiyu-2020-10',
          'version: 0.0.1',
          'name: 等级用四字词',
          'grades:',
          '  bands:',
          '    - { grade: excellent, min: 90, label: 优秀 }',
          '    - { grade: good, min: 80, label: 良好 }',
          '    - { grade: fair, min: 60, label: 合格 }',
          '    - { grade: poor, min: 0, label: 不合格 }',
          '',
        ].join('\n'),
      ),
    );
    const words = path.join(path.dirname(file), 'words.yaml');
    // under the default, 优秀 is not its word for the grade: reported, not refused
    const plain = await score(file);
    expect(plain.json.warnings.map((w: { code: string }) => w.code)).toContain('DECLARED_GRADE_MISMATCH');
    const { code, json } = await score(file, '--rules', words);
    expect(code).toBe(0);
    expect(json.grade).toEqual({ id: 'excellent', label: '优秀' });
    expect(json.warnings.map((w: { code: string }) => w.code)).not.toContain('DECLARED_GRADE_MISMATCH');
    const text = await runCli('score', file, '--rules', words);
    expect(text.out).toContain('等级：优秀');
  });
});

describe('the blank form and pagination', () => {
  jest.setTimeout(60_000);

  test('render of a definitions file prints the blank form: its layout and targets, nothing filled, no draft marks; the 总分 row is not alone on its page', async () => {
    const { execFileSync } = await import('node:child_process');
    const pdf = path.join(tempDir(), 'blank.pdf');
    const run = await runCli('render', path.join(ROOT, 'examples/zhuzhou-2020/project.indicators.yaml'), '-o', pdf);
    expect(run.code).toBe(0);
    expect(run.err).toContain('已生成空白表');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const texts = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ''),
    );
    const all = texts.join('');
    for (const text of ['专项名称', '网络数量', '内、外2个网络', '首次办理市民满意率']) expect(all).toContain(text);
    for (const absent of ['草稿', '待补充', '网站全年无故障', '99.5']) expect(all).not.toContain(absent);
    const totalPage = texts.findIndex((t) => t.includes('总分'));
    expect(texts[totalPage]).toContain('首次办理市民满意率');
  });

  test('the blank form has room to write by hand: each row about two lines of handwriting, the goal a paragraph', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = tempDir();
    const yTop = (pdf: string, words: string[]): number[] => {
      // pdftotext's word boxes: the top of the last word starting so (the row, not the goal text above), in points
      const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      const boxes = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
        y: Number(m[1]),
        text: m[2] ?? '',
      }));
      return words.map((w) => [...boxes].reverse().find((b) => b.text.startsWith(w))?.y ?? NaN);
    };
    const blank = path.join(dir, 'blank.pdf');
    const filled = path.join(dir, 'filled.pdf');
    expect(
      (await runCli('render', path.join(ROOT, 'examples/water-2023/project.indicators.yaml'), '-o', blank)).code,
    ).toBe(0);
    expect(
      (await runCli('render', path.join(ROOT, 'examples/water-2023/project.actuals.yaml'), '-o', filled)).code,
    ).toBe(0);
    const rows = ['新建集中供水工程', '改造老旧供水管网'];
    const [a, b] = yTop(blank, rows);
    const [c, d] = yTop(filled, rows);
    const MM = 72 / 25.4;
    // 12 mm a row on the blank form; the filled form keeps its compact rows
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(12 * MM - 0.5);
    expect((d ?? 0) - (c ?? 0)).toBeLessThan(9 * MM);
    // the goal: from 预期目标's heading to the indicators' heading, 30 mm of writing room at least
    const [goal, table] = yTop(blank, ['预期目标', '绩效指标']);
    expect((table ?? 0) - (goal ?? 0)).toBeGreaterThanOrEqual(30 * MM);
  });

  test('a form that prints its own column headings (年初目标值 / 全年实际值 / 未完成原因) keeps them in its PDF and its workbook, with no code per layout', async () => {
    const { execFileSync } = await import('node:child_process');
    const ExcelJS = (await import('exceljs')).default;
    const file = form({
      definitions: [
        [
          'fiscalYear: 2023',
          'fiscalYear: 2023\ncolumns: { target: 年初目标值, actual: 全年实际值, deviation: 未完成原因 }',
        ],
      ],
    });
    const pdf = path.join(tempDir(), 'columns.pdf');
    expect((await runCli('render', file, '-o', pdf)).code).toBe(0);
    const page1 = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    for (const heading of ['年初目标值', '全年实际值', '未完成原因']) expect(page1).toContain(heading);
    for (const absent of ['年度指标值', '实际完成值', '偏差原因分析及改进措施']) expect(page1).not.toContain(absent);

    const xlsx = path.join(tempDir(), 'columns.xlsx');
    expect((await runCli('export', file, '-o', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells: string[] = [];
    book.getWorksheet('自评表')!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toEqual(expect.arrayContaining(['年初目标值', '全年实际值']));
    expect(cells).not.toContain('年度指标值');
    // the headings change nothing the import reads: the workbook comes back as the same form
    const backFile = path.join(path.dirname(xlsx), 'back.actuals.yaml');
    expect((await runCli('import', xlsx, '-o', backFile)).code).toBe(0);
    expect((await score(backFile)).json.total).toBe((await score(file)).json.total);
  });
});
