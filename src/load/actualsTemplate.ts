import * as path from 'node:path';
import { SCHEMAS_DIR } from '../domain/paths';
import { InputError, throwIfErrors } from '../errors/diagnostic';
import { definitionsSchema, type DefinitionsFile } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import { readSource } from './files';

/** YAML text safe as a single-line comment. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The actuals file a department fills (`jixiao init`): every indicator id, quoted, with its name,
 * target and 分值 as comments, and empty fields to fill. Reading it back before filling reports each
 * missing actual at its line, so nothing is scored as a silent 0.
 */
export function actualsTemplate(definitions: DefinitionsFile, definitionsPath: string, actualsPath: string, schemaFile: string): string {
  const from = path.dirname(path.resolve(actualsPath));
  const ref = relativeRef(from, path.resolve(definitionsPath));
  const lines: string[] = [
    `# yaml-language-server: $schema=${relativeRef(from, schemaFile)}`,
    `# ${definitions.fiscalYear}年度 ${definitions.department}${definitions.project ? ` · ${definitions.project.name}` : ''} —— 实际完成值填报`,
    '# 金额单位：万元。定性指标的档次可写在 band（达成 / 部分达成 / 未达成）；与规则得分不同的得分须写 reason。',
    `definitions: ${JSON.stringify(ref)}`,
    'budget:',
    '  initialBudget: 0 # 年初预算数',
    '  fullYearBudget: 0 # 全年预算数（调整后）',
    '  executed: 0 # 全年执行数',
    '  reason: "" # 执行率偏低时说明原因',
    'overallGoal:',
    `  actual: "" # 实际完成情况；预期目标：${oneLine(definitions.overallGoal.expected)}`,
    'indicators:',
  ];
  for (const level of definitions.levels) {
    for (const group of level.groups) {
      lines.push(`  # ── ${level.level1} / ${group.level2}`);
      for (const row of group.indicators) {
        lines.push(`  ${JSON.stringify(row.id)}: # ${oneLine(row.name)}｜年度指标值：${oneLine(row.target) || '（空）'}｜分值：${row.maxScore}`);
        lines.push('    actual: ""');
        lines.push('    deviationReason: ""');
      }
    }
  }
  lines.push('signOff:', '  preparer: "" # 填表人', '  phone: "" # 联系电话', '  date: "" # 填报日期', '  head: "" # 单位负责人', '');
  return lines.join('\n');
}

function relativeRef(fromDir: string, file: string): string {
  const relative = path.relative(fromDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Reads and checks a definitions file, then builds the actuals file to fill beside `actualsPath`. */
export function actualsTemplateFor(definitionsPath: string, actualsPath: string): string {
  const doc = readSource(definitionsPath);
  const { value, diagnostics } = validateDocument(doc, definitionsSchema);
  throwIfErrors(diagnostics);
  if (!value) throw new InputError(diagnostics);
  return actualsTemplate(value, definitionsPath, actualsPath, path.join(SCHEMAS_DIR, 'actuals.schema.json'));
}
