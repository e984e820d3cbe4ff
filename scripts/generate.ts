/**
 * A generator of realistic forms, drawn from the seed's row patterns: mixed kinds and units, over- and
 * under-achievement, qualitative rows, a few not-applicable rows and a few faulty declared scores and totals.
 * Deterministic for a given index, so benchmarks and what-if runs are repeatable.
 */
export function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const between = (r: Rand, low: number, high: number): number => low + r() * (high - low);

interface Row {
  target: string;
  actual: string;
  band?: string;
  declaredScore?: number;
  reason?: string;
  deviationReason?: string;
  notApplicable?: boolean;
}

/** How far a row lands from its target: mostly met, some short, some far over. */
function achievement(r: Rand): number {
  const x = r();
  if (x < 0.68) return between(r, 1, 1.15);
  if (x < 0.9) return between(r, 0.55, 0.99);
  return between(r, 1.2, 1.7);
}

const COUNT_UNITS = ['篇', '条', '人次', '个', '处', '期', '场', '户', '家', '件'];
const ROW_NAMES: Record<string, string[]> = {
  数量指标: [
    '培训人次',
    '新建项目数量',
    '发布信息条数',
    '检查覆盖户数',
    '举办活动场次',
    '改造管网长度',
    '起草文稿数量',
  ],
  质量指标: ['验收合格率', '水质达标率', '信息准确率', '资金拨付准确率', '网站正常运转'],
  时效指标: ['完工时间', '资金拨付及时率', '办结时限', '信息更新时限'],
  成本指标: ['单位成本', '项目总成本', '三公经费', '人均培训成本'],
  经济效益指标: ['带动就业人数', '节约运行成本', '优化营商环境评价'],
  社会效益指标: ['受益人口', '群众办事便利度', '政务公开程度', '安全事故'],
  生态效益指标: ['节能减排', '植被覆盖率', '水源地保护'],
  可持续影响指标: ['长效管护机制', '长期发布政府信息', '制度建设'],
  服务对象满意度指标: ['服务对象满意度', '受益群众满意度', '市民满意度'],
};

function quantitative(r: Rand, level2: string, maxScore: number): Row {
  const a = achievement(r);
  const reason =
    a < 1 && r() < 0.75
      ? pick(r, ['受疫情影响进度延后', '年中预算调减', '部分任务调整至下年', '统计口径变化'])
      : undefined;
  const over = a >= 1.3 && r() < 0.6 ? '年初目标偏保守，下年度调高目标' : undefined;
  const deviation = reason ?? over;
  const withReason = (row: Row): Row => (deviation ? { ...row, deviationReason: deviation } : row);
  const kind =
    level2 === '成本指标'
      ? 'reverse'
      : level2 === '时效指标'
        ? pick(r, ['date', 'reverseDays', 'percent'])
        : level2 === '服务对象满意度指标'
          ? 'percent'
          : pick(r, ['count', 'count', 'percent', 'equal', 'wan', 'zero']);
  switch (kind) {
    case 'count': {
      const unit = pick(r, COUNT_UNITS);
      const t = Math.round(between(r, 5, 900));
      return withReason({ target: `${t}${unit}以上`, actual: `${Math.round(t * a)}${unit}` });
    }
    case 'wan': {
      const t = Math.round(between(r, 1, 30) * 10) / 10;
      return withReason({ target: `${t}万人次以上`, actual: `${(t * a).toFixed(1)}万人次` });
    }
    case 'percent': {
      const t = Math.round(between(r, 85, 98));
      const actual = Math.min(100, t * (a >= 1 ? between(r, 1, 1.04) : a));
      return withReason({ target: pick(r, [`≥${t}%`, `${t}%以上`, `不低于${t}%`]), actual: `${actual.toFixed(2)}%` });
    }
    case 'equal': {
      const t = Math.round(between(r, 2, 40));
      return withReason({ target: `＝${t}个`, actual: `${a >= 1 ? t : Math.round(t * a)}个` });
    }
    case 'zero':
      return r() < 0.9
        ? { target: '0起', actual: '0起' }
        : { target: '0起', actual: '1起', deviationReason: '发生一起轻微事故，已整改' };
    case 'reverse': {
      const t = Math.round(between(r, 20, 500));
      const actual = t * (a >= 1 ? between(r, 0.8, 1) : 1 + (1 - a) * 0.6);
      return withReason({
        target: pick(r, [`≤${t}万元`, `不超过${t}万元`, `控制在${t}万元以内`]),
        actual: `${actual.toFixed(1)}万元`,
      });
    }
    case 'reverseDays': {
      const t = Math.round(between(r, 5, 30));
      return withReason({
        target: `${t}天以内`,
        actual: `${a >= 1 ? Math.max(1, Math.round(t * between(r, 0.6, 1))) : Math.round(t * (2 - a))}天`,
      });
    }
    default: {
      const month = Math.ceil(between(r, 6, 12));
      const late = a < 0.9;
      const actualMonth = late ? Math.min(12, month + 1) : Math.max(1, month - 1);
      const row: Row = {
        target: `2023年${month}月底前完成`,
        actual: `2023年${actualMonth}月${Math.ceil(between(r, 1, 28))}日`,
      };
      if (late && actualMonth > month)
        return {
          ...row,
          band: '部分达成',
          declaredScore: Math.round(maxScore * 0.7 * 100) / 100,
          deviationReason: '设备到货延迟',
        };
      return row;
    }
  }
}

function qualitative(r: Rand, maxScore: number): Row {
  const x = r();
  if (x < 0.55)
    return pick(r, [
      { target: '全年无故障', actual: '全年无故障' },
      { target: '长期', actual: '长期' },
      { target: '建立健全', actual: '已建立', band: '达成' },
    ]);
  if (x < 0.8)
    return {
      target: pick(r, ['全省前列', '效果明显', '逐年提高']),
      actual: pick(r, ['全省第二', '成效显著', '较上年提高']),
      band: '达成',
    };
  if (x < 0.95) {
    const score = Math.round(maxScore * between(r, 0.6, 0.79) * 100) / 100;
    return {
      target: '效果明显',
      actual: '基本达到',
      declaredScore: score,
      reason: '部分区县尚未覆盖',
      deviationReason: '推进不均衡，下年加强督导',
    };
  }
  const score = Math.round(maxScore * between(r, 0.3, 0.59) * 100) / 100;
  return {
    target: '效果明显',
    actual: '未达成',
    declaredScore: score,
    reason: '项目实施滞后',
    deviationReason: '前期论证不足',
  };
}

const LEVELS: [string, string[], number, number][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标'], 50, 0.5],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'], 30, 0.35],
  ['满意度指标', ['服务对象满意度指标'], 10, 0.15],
];

export const DEPARTMENTS = [
  '市教育局',
  '市卫生健康委',
  '市水利局',
  '市农业农村局',
  '市生态环境局',
  '市交通运输局',
  '市文化旅游局',
  '市民政局',
  '市住房城乡建设局',
  '市人力资源社会保障局',
];
const PROJECTS = [
  '信息化建设专项',
  '基础设施维护项目',
  '民生保障补助资金',
  '人才培训项目',
  '环境整治专项',
  '公共服务能力提升项目',
];

const q = (text: string): string => JSON.stringify(text);

export interface GeneratedForm {
  name: string;
  definitions: string;
  actuals: string;
}

export function generateForm(index: number, rowCount?: number): GeneratedForm {
  const r = rng(index + 1);
  const rows = rowCount ?? Math.round(between(r, 12, 24));
  const name = `form-${String(index).padStart(5, '0')}`;
  const department = pick(r, DEPARTMENTS);
  const isProject = r() < 0.8;
  const defs: string[] = [
    `# 合成表单 ${name}（jixiao gen:forms 生成，虚构数据）`,
    `form: ${isProject ? 'project' : 'department'}`,
    'fiscalYear: 2023',
    'ruleSet: caiyu-2020-10',
    `department: ${department}`,
  ];
  if (isProject)
    defs.push(`implementingUnit: ${department}`, `project: { name: ${q(`${department}${pick(r, PROJECTS)}`)} }`);
  defs.push('budget: { maxScore: 10 }', 'overallGoal: { expected: 完成年度绩效目标。 }', 'levels:');
  const actuals: string[] = [`# 合成表单 ${name} 的实际完成值`, `definitions: ./${name}.indicators.yaml`];
  const budget = Math.round(between(r, 50, 5000) * 100) / 100;
  const rate = r() < 0.8 ? between(r, 0.9, 1) : between(r, 0.5, 0.9);
  actuals.push(
    'budget:',
    `  initialBudget: ${budget}`,
    `  fullYearBudget: ${budget}`,
    `  executed: ${Math.round(budget * rate * 100) / 100}`,
  );
  if (rate < 0.9 && r() < 0.6) actuals.push('  reason: 部分项目延期支付');
  actuals.push('overallGoal: { actual: 基本完成年度绩效目标。 }', 'indicators:');

  let id = 0;
  let declaredRows = 10;
  for (const [level1, level2s, weight, share] of LEVELS) {
    const count = Math.max(
      1,
      level1 === '满意度指标' ? rows - Math.round(rows * 0.5) - Math.round(rows * 0.35) : Math.round(rows * share),
    );
    defs.push(`  - level1: ${level1}`, `    weight: ${weight}`, '    groups:');
    const perGroup = new Map<string, string[]>();
    let remaining = weight;
    for (let k = 0; k < count; k++) {
      id++;
      const level2 = level2s[k % level2s.length]!;
      const maxScore = k === count - 1 ? remaining : Math.max(1, Math.floor(weight / count));
      remaining -= maxScore;
      const qualitativeRow = level1 === '效益指标' ? r() < 0.6 : level1 === '产出指标' ? r() < 0.15 : false;
      let row = qualitativeRow ? qualitative(r, maxScore) : quantitative(r, level2, maxScore);
      if (r() < 0.01) row = { target: '/', actual: '/', notApplicable: true };
      const rowName = `${pick(r, ROW_NAMES[level2] ?? ['指标'])}${id}`;
      const line = `          - { id: "${id}", name: ${q(rowName)}, target: ${q(row.target)}, maxScore: ${row.notApplicable ? '"/"' : maxScore} }`;
      perGroup.set(level2, [...(perGroup.get(level2) ?? []), line]);
      const fields = [`actual: ${q(row.actual)}`];
      if (row.band) fields.push(`band: ${row.band}`);
      let declared = row.declaredScore;
      if (declared === undefined && r() < 0.03) declared = Math.max(0, maxScore - 0.5); // a faulty hand score
      if (declared !== undefined) fields.push(`declaredScore: ${declared}`);
      if (row.reason) fields.push(`reason: ${q(row.reason)}`);
      if (row.deviationReason) fields.push(`deviationReason: ${q(row.deviationReason)}`);
      actuals.push(`  "${id}": { ${fields.join(', ')} }`);
      declaredRows += declared ?? (row.notApplicable ? 0 : maxScore);
    }
    for (const [level2, lines] of perGroup) defs.push(`      - level2: ${level2}`, '        indicators:', ...lines);
  }
  // a few forms declare a total that does not add up, as published forms do
  if (r() < 0.08)
    actuals.push(`declaredTotal: ${Math.min(100, Math.round((declaredRows + between(r, 0.5, 5)) * 10) / 10)}`);
  return { name, definitions: `${defs.join('\n')}\n`, actuals: `${actuals.join('\n')}\n` };
}
