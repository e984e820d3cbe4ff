import type { ColumnLabels, FormHeader, Layout } from '../domain/model';

/** One cell of a header block: a label (th) or a value (td), spanning columns or rows. */
export interface HeaderCell {
  isLabel: boolean;
  text: string;
  colspan: number;
  rowspan: number;
}

const label = (text: string, colspan = 1, rowspan = 1): HeaderCell => ({ isLabel: true, text, colspan, rowspan });
const value = (text: string, colspan = 1): HeaderCell => ({ isLabel: false, text, colspan, rowspan: 1 });
const money = (amount: string | null): string => (amount === null || amount === '' ? '' : `${amount} 万元`);

/**
 * The header block of a project form per layout, as data on a five-column grid: a layout is chosen in the
 * definitions (`layout:`), never by a branch in a template. Rows left empty by the form are not printed.
 */
export function projectHeader(layout: Layout, department: string, header: FormHeader): HeaderCell[][] {
  const p = header.project;
  const name = p?.name ?? '';
  const sub = p?.subProject ?? '';
  const hasMoney = p !== null && p.totalInvestment !== null;
  const rows: Record<Layout, (HeaderCell[] | null)[]> = {
    // 财政部《项目支出绩效自评表》: 项目名称、主管部门与实施单位、项目总投资、项目实施期
    ministry: [
      [label('项目名称', 2), value(sub ? `${name}（${sub}）` : name, 3)],
      [label('主管部门', 2), value(department), label('实施单位'), value(header.implementingUnit)],
      hasMoney ? [label('项目总投资', 2), value(money(p.totalInvestment)), label('其中：财政拨款'), value(money(p.fiscalFunding))] : null,
      p?.period ? [label('项目实施期', 2), value(p.period, 3)] : null,
    ],
    // 湖南省样表（种子文件附件1-2）: 部门名称；项目支出名称 → 专项名称 / 支出方向名称（子项目）；项目总投资与其中财政拨款；项目总实施期
    hunan: [
      [label('部门名称', 2), value(department, 3)],
      [label('项目支出名称', 1, 2), label('专项名称'), value(name), label('项目总投资（万元）'), value(money(p?.totalInvestment ?? null))],
      [label('支出方向名称（子项目）'), value(sub), label('其中：财政拨款'), value(money(p?.fiscalFunding ?? null))],
      [label('项目总实施期', 2), value(p?.period ?? '', 3)],
    ],
  };
  return rows[layout].filter((r): r is HeaderCell[] => r !== null);
}

/** Each layout's indicator-table headings; a form's definitions may print others (`columns:`), as data too. */
const LAYOUT_COLUMNS: Record<Layout, ColumnLabels> = {
  ministry: { target: '年度指标值', actual: '实际完成值', deviation: '偏差原因分析及改进措施' },
  hunan: { target: '年度指标值', actual: '实际完成值', deviation: '偏差原因分析及改进措施' },
};

export function columnLabels(header: Pick<FormHeader, 'layout' | 'columns'>): ColumnLabels {
  const own = header.columns;
  const layout = LAYOUT_COLUMNS[header.layout];
  return { target: own.target ?? layout.target, actual: own.actual ?? layout.actual, deviation: own.deviation ?? layout.deviation };
}
