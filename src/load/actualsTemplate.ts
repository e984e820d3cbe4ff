import * as path from 'node:path';
import { SCHEMAS_DIR } from '../domain/paths';
import type { DefinitionsFile } from '../schema/definitions';
import { loadDefinitions } from './loadForm';

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
  const zeros = '{ initialBudget: 0, fullYearBudget: 0, executed: 0 }';
  const lines: string[] = [
    `# yaml-language-server: $schema=${relativeRef(from, schemaFile)}`,
    `# ${definitions.fiscalYear}年度 ${definitions.department}${definitions.project ? ` · ${definitions.project.name}` : ''} —— 实际完成值填报`,
    '# 金额单位：万元。定性指标的档次写在 band（达成 / 部分达成 / 未达成）；表上的得分写 declaredScore，与规则得分不同时须写 reason。',
    '# 不适用的指标：指标定义中分值写成 "/" 的行，actual 也写 "/"（已在下面填好）；分值不是 "/" 的行不能标为不适用。',
    '# 编号是字符串：写成 "1.10"（带引号）；不带引号的 1.10 会被读成 1.1。',
    `definitions: ${JSON.stringify(ref)}`,
    'budget:',
    '  initialBudget: 0 # 年初预算数',
    '  fullYearBudget: 0 # 全年预算数（调整后）',
    '  executed: 0 # 全年执行数',
    '  breakdown: # 其中（不计分，用来核对合计）',
    `    currentYear: ${zeros} # 当年财政拨款`,
    `    carryOver: ${zeros} # 上年结转资金`,
    `    other: ${zeros} # 其他资金`,
    '  # declaredScore: 10 # 表上填的预算执行得分',
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
        if (row.maxScore === '/') {
          lines.push('    actual: "/" # 不适用');
          continue;
        }
        lines.push(
          '    actual: ""',
          '    # band: 达成 # 定性指标的档次：达成 / 部分达成 / 未达成',
          `    # declaredScore: ${row.maxScore} # 表上填的得分`,
          '    # reason: "" # 人工评分的理由（申报得分与规则得分不同时必填）',
          '    deviationReason: "" # 偏差原因分析',
          '    improvement: "" # 改进措施',
        );
      }
    }
  }
  lines.push(
    '# declaredTotal: 100 # 表上填的总分',
    '# declaredGrade: 优 # 表上填的等级',
    'signOff:',
    '  preparer: "" # 填表人',
    '  phone: "" # 联系电话',
    '  date: "" # 填报日期',
    '  reviewer: "" # 审核人',
    '  head: "" # 单位负责人',
    '  # seal: ./公章.png # 单位公章图片（PNG/JPEG）：单位盖章签名时画在盖章框里，出表时不印',
    '',
  );
  return lines.join('\n');
}

function relativeRef(fromDir: string, file: string): string {
  const relative = path.relative(fromDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Reads and checks a definitions file, then builds the actuals file to fill beside `actualsPath`. */
export function actualsTemplateFor(definitionsPath: string, actualsPath: string): string {
  // the same loader as score: definitions that score would refuse are refused here, before anyone fills them
  const { definitions } = loadDefinitions(definitionsPath);
  return actualsTemplate(definitions, definitionsPath, actualsPath, path.join(SCHEMAS_DIR, 'actuals.schema.json'));
}
