import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '../src/source/yamlSource';
import { ROOT, runCli, tempDir } from './helpers';

/**
 * A quote forgotten at the end of a line: YAML lets a quoted value run on over the next lines, so the file reads as
 * something else and the schema then reports a dozen unrelated errors. It is said once, where the quote opens.
 */
describe('a quote left open', () => {
  it('on the water example (the value runs into the next keys): one error at its line, nothing else', async () => {
    const dir = tempDir('jixiao-quote-');
    cpSync(path.join(ROOT, 'examples/water-2023'), dir, { recursive: true });
    const actuals = path.join(dir, 'project.actuals.yaml');
    writeFileSync(
      actuals,
      readFileSync(actuals, 'utf8').replace('  actual: 新建集中供水工程12处', '  actual: "新建集中供水工程12处'),
    );
    const run = await runCli('score', actuals, '--json');
    expect(run.code).toBe(1);
    const errors = (JSON.parse(run.out) as { errors: { code: string; line: number }[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(14);
    expect(['YAML_SYNTAX', 'YAML_UNCLOSED_QUOTE']).toContain(errors[0]?.code);
  });

  it('a value that YAML accepts across lines, over a key, is YAML_UNCLOSED_QUOTE at the opening quote', () => {
    // the next line indented deeper: YAML reads `资金未到位 executed: 5` as the reason, and no error of its own
    const doc = parseYaml(
      'definitions: ./x.yaml\nbudget:\n  reason: "资金未到位\n    executed: 5"\n  fullYearBudget: 10\n',
      'a.actuals.yaml',
    );
    expect(doc.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ['YAML_UNCLOSED_QUOTE', 3, 11],
    ]);
    expect(doc.data).toBeUndefined();
  });

  it.each([
    'reason: "多行的理由\n  第二行仍在引号里"\n',
    "reason: '单引号\n  也可以跨行'\n",
    'reason: 他说"好"\n',
    'note: 5" 屏幕\n',
  ])('a legal multi-line quoted value, or a lone quote in plain text, is not refused: %j', (text) => {
    const doc = parseYaml(`definitions: ./x.yaml\n${text}`, 'a.actuals.yaml');
    expect(doc.diagnostics.filter((d) => d.code === 'YAML_UNCLOSED_QUOTE')).toEqual([]);
  });
});
