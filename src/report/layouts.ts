import type { ColumnLabels, FormHeader, Layout } from '../domain/model';
import { HEADER, PRINTED } from '../domain/formWording';
import { FIELD_LABEL } from '../domain/glossary';

/** One cell of a header block: a label (th) or a value (td), spanning columns or rows. */
export interface HeaderCell {
  isLabel: boolean;
  text: string;
  colspan: number;
  rowspan: number;
}

const label = (text: string, colspan = 1, rowspan = 1): HeaderCell => ({ isLabel: true, text, colspan, rowspan });
const value = (text: string, colspan = 1): HeaderCell => ({ isLabel: false, text, colspan, rowspan: 1 });
const money = (amount: string | null): string => (amount === null || amount === '' ? '' : PRINTED.amount(amount));

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
      [label(HEADER.projectName, 2), value(sub ? `${name}（${sub}）` : name, 3)],
      [label(HEADER.department, 2), value(department), label(HEADER.implementingUnit), value(header.implementingUnit)],
      hasMoney
        ? [
            label(HEADER.totalInvestment, 2),
            value(money(p.totalInvestment)),
            label(HEADER.fiscalFunding),
            value(money(p.fiscalFunding)),
          ]
        : null,
      p?.period ? [label(HEADER.period, 2), value(p.period, 3)] : null,
    ],
    // 湖南省样表（种子文件附件1-2）: 部门名称；项目支出名称 → 专项名称 / 支出方向名称（子项目）；项目总投资与其中财政拨款；项目总实施期
    hunan: [
      [label(HEADER.departmentName, 2), value(department, 3)],
      [
        label(HEADER.hunanProject, 1, 2),
        label(HEADER.hunanSpecial),
        value(name),
        label(HEADER.hunanInvestment),
        value(money(p?.totalInvestment ?? null)),
      ],
      [label(HEADER.hunanSubProject), value(sub), label(HEADER.fiscalFunding), value(money(p?.fiscalFunding ?? null))],
      [label(HEADER.hunanPeriod, 2), value(p?.period ?? '', 3)],
    ],
  };
  return rows[layout].filter((r): r is HeaderCell[] => r !== null);
}

/** Each layout's indicator-table headings; a form's definitions may print others (`columns:`), as data too. */
const LAYOUT_COLUMNS: Record<Layout, ColumnLabels> = {
  ministry: { target: FIELD_LABEL.target, actual: FIELD_LABEL.actual, deviation: FIELD_LABEL.deviationReason },
  hunan: { target: FIELD_LABEL.target, actual: FIELD_LABEL.actual, deviation: FIELD_LABEL.deviationReason },
};

export function columnLabels(header: Pick<FormHeader, 'layout' | 'columns'>): ColumnLabels {
  const own = header.columns;
  const layout = LAYOUT_COLUMNS[header.layout];
  return {
    target: own.target ?? layout.target,
    actual: own.actual ?? layout.actual,
    deviation: own.deviation ?? layout.deviation,
  };
}
