import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { findings } from './corpus/findings';
import { corpusForms, WRITTEN } from './corpus/forms';
import { runCli } from './helpers';

/**
 * Real forms transcribed as printed, faults kept (test/corpus, each naming its source). jixiao must reach the
 * conclusions written in the form's .expected.yaml: status, totals, grade, pending rows and every flag code.
 */
const forms = corpusForms();

test('the corpus has forms from several provinces, each with its source named', () => {
  expect(forms.length).toBeGreaterThanOrEqual(8);
  expect(new Set(forms.map((f) => f.name.split('-')[0])).size).toBeGreaterThanOrEqual(4);
  for (const form of forms) {
    // the seed's files name their source as the document's title (《…》) on their first lines
    expect(readFileSync(form.definitions, 'utf8')).toMatch(/^# (?:来源：|.*《[^》]+》)/m);
  }
});

const written = corpusForms(WRITTEN);

describe.each([...forms, ...written].map((f) => [f.name, f] as const))('%s', (_name, form) => {
  it('scores as expected: status and exit code, totals, grade, pending rows, flags, rows scored and agreeing', async () => {
    const expected = parse(readFileSync(form.expected, 'utf8')) as Record<string, unknown>;
    const run = await runCli('score', form.actuals, '--json');
    // a draft has its own exit code (3); a complete form exits 0
    expect(run.code).toBe(expected.status === 'draft' ? 3 : 0);
    const {
      rows,
      rowsScored,
      rowsMatchingDeclared,
      ruleSet: _ruleSet,
      form: _kind,
      ...conclusions
    } = findings(run.out);
    expect(conclusions).toEqual({
      status: expected.status,
      total: expected.total,
      maxTotal: expected.maxTotal,
      grade: expected.grade,
      pending: expected.pending,
      flags: expected.flags,
    });
    expect({ rows, rowsScored, rowsMatchingDeclared }).toEqual(expected.report);
  });
});

describe('a form under each framework the shipped rule sets know', () => {
  const FRAMEWORKS: [ruleSet: string, level1: string[]][] = [
    ['gongxing-2013', ['投入目标', '管理目标', '产出目标', '效果目标']],
    ['caiyu-2020-10-evaluation', ['决策', '过程', '产出', '效益']],
    ['department-2013', ['预算配置', '预算执行', '预算管理', '资产管理', '职责履行', '履职效益']],
  ];

  it.each(FRAMEWORKS)('%s: a written form scores under it, its 一级 as printed (%s)', async (ruleSet, level1) => {
    const form = written.find((f) => f.name.startsWith(`${ruleSet}-`));
    expect(form).toBeDefined();
    const run = await runCli('score', String(form?.actuals), '--json');
    expect([0, 3]).toContain(run.code);
    const json = JSON.parse(run.out) as {
      ruleSet: { id: string };
      levels: { name: string }[];
      warnings: { code: string }[];
    };
    expect(json.ruleSet.id).toBe(ruleSet);
    expect(json.levels.map((l) => l.name)).toEqual(level1);
    expect(json.warnings.map((w) => w.code)).not.toContain('UNKNOWN_LEVEL1');
  });

  it.each(FRAMEWORKS)(
    '%s: the same form under the default rule set still scores (exit 0 or 3, never 1), and the warning names %s',
    async (ruleSet) => {
      const form = written.find((f) => f.name.startsWith(`${ruleSet}-`));
      const run = await runCli('score', String(form?.actuals), '--json', '--rules', 'caiyu-2020-10');
      expect([0, 3]).toContain(run.code);
      const json = JSON.parse(run.out) as {
        total: string;
        warnings: { code: string; message: string; hint?: string }[];
      };
      const unknown = json.warnings.filter((w) => w.code === 'UNKNOWN_LEVEL1');
      expect(unknown).toHaveLength(1);
      expect(JSON.stringify(unknown[0])).toContain(ruleSet);
      // the form's own 分值 and total are kept: every row scores as under its own framework
      const own = findings((await runCli('score', String(form?.actuals), '--json')).out);
      expect(json.total).toBe(own.total);
    },
  );
});
