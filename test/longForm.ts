import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A definitions + actuals pair with `rows` indicator rows, spread over every level, for multi-page tests. */
export function writeLongForm(dir: string, rows: number, name = 'long', goal = '多页表格测试。'): string {
  const groups: [string, string, number][] = [
    ['产出指标', '数量指标', 0.5],
    ['效益指标', '社会效益指标', 0.35],
    ['满意度指标', '服务对象满意度指标', 0.15],
  ];
  const defs: string[] = [
    'form: project',
    'fiscalYear: 2023',
    'ruleSet: caiyu-2020-10',
    'department: 测试长表单位',
    'project: { name: 长表测试项目 }',
    'budget: { maxScore: 10 }',
    `overallGoal: { expected: "${goal}" }`,
    'levels:',
  ];
  const actuals: string[] = [
    `definitions: ./${name}.indicators.yaml`,
    'budget: { fullYearBudget: 100, executed: 100 }',
    'overallGoal: { actual: 完成。 }',
    'indicators:',
  ];
  let n = 0;
  for (const [level1, level2, share] of groups) {
    const count = Math.max(1, Math.round(rows * share));
    defs.push(`  - level1: ${level1}`, '    groups:', `      - level2: ${level2}`, '        indicators:');
    for (let i = 0; i < count && n < rows; i++, n++) {
      const id = `${n + 1}`;
      defs.push(`          - { id: "${id}", name: 测试指标${id}号, target: ${100 + n}件以上, maxScore: 1 }`);
      // every fifth row carries a long deviation note ending in a marker, to catch a row cut across pages
      const note = n % 5 === 0 ? `, deviationReason: ${'较长的偏差原因说明文字，'.repeat(4)}止${id}号 ` : '';
      actuals.push(`  "${id}": { actual: ${100 + n}件${note}}`);
    }
  }
  writeFileSync(path.join(dir, `${name}.indicators.yaml`), `${defs.join('\n')}\n`);
  const file = path.join(dir, `${name}.actuals.yaml`);
  writeFileSync(file, `${actuals.join('\n')}\n`);
  return file;
}
