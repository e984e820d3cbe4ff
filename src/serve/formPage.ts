import * as path from 'node:path';
import { cellText, rowFields, type RowFieldPlace } from '../domain/fields';
import { inputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { scoreFile, type ScoredForm } from '../pipeline';
import { readFormText } from './formText';
import { formView, type Cell, type LevelCell } from '../report/viewModel';
import type { HeaderCell } from '../report/layouts';
import type { FolderFile, FormFolder } from './folder';
import { uiTexts, type UiTexts } from './uiTexts';
import { signingStatus } from './signedForm';
import { BAND_SHORT_LABEL, FIELD_LABEL, ROLES, type Role } from '../domain/glossary';
import { text } from '../errors/texts';

/** A cell the clerk fills: its data path in the actuals file (as JSON, what the page sends back) and its value now. */
export interface FillCell {
  field: string;
  value: string;
  label: string;
}

/** A row field's control on the page: a text box, or a list to choose from (a 档次). */
export interface RowCell extends FillCell {
  col: string;
  placeholder: string;
  options: { value: string; label: string; selected: boolean }[] | null;
}

export interface FillRow {
  id: string;
  level1: LevelCell | null;
  level2: Cell | null;
  name: string;
  target: string;
  maxScore: string;
  notApplicable: boolean;
  /** The row's fields by the printed column they are filled in, as the field table places them. */
  cells: Record<RowFieldPlace, RowCell[]>;
  keepWhole: boolean;
}

/** The web form of one actuals file: the printed form's layout, with the cells a clerk fills as inputs. */
export interface FormPageView {
  t: UiTexts;
  lang: Lang;
  file: string;
  baseHash: string;
  title: string;
  year: string;
  isProject: boolean;
  department: string;
  headerRows: HeaderCell[][];
  columns: { target: string; actual: string; deviation: string };
  budgetLabel: string;
  budget: {
    key: string;
    label: string;
    isTotal: boolean;
    initial: FillCell;
    fullYear: FillCell;
    executed: FillCell;
    maxScore: string;
  }[];
  budgetDeclared: FillCell;
  budgetReason: FillCell;
  goal: { expected: string; actual: FillCell };
  rows: FillRow[];
  maxTotal: string;
  declaredTotal: FillCell;
  declaredGrade: FillCell;
  signOff: { preparer: FillCell; phone: FillCell; date: FillCell; reviewer: FillCell; head: FillCell };
  /** How far the sign-off has come, and the roles a signer can choose on the page (the next one first). */
  signing: {
    text: string;
    signed: boolean;
    current: boolean;
    roles: { value: Role; label: string; selected: boolean }[];
  };
}

const BANDS = [BAND_SHORT_LABEL.achieved, BAND_SHORT_LABEL.partial, BAND_SHORT_LABEL.notAchieved];

type Data = Record<string, unknown>;

/** The value at a data path of the file as written, as the text an input shows ('' when absent). */
function valueAt(data: unknown, at: string[]): string {
  let node: unknown = data;
  for (const key of at)
    node =
      node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key)
        ? (node as Data)[key]
        : undefined;
  return cellText(node);
}

/** The definitions an actuals file names, resolved beside it, and refused when they lie outside the folder. */
export function definitionsOf(folder: FormFolder, actuals: FolderFile, data: unknown): string {
  const ref = (data as { definitions?: unknown } | null)?.definitions;
  if (typeof ref !== 'string' || ref === '') throw inputError('REQUIRED', { key: 'definitions' });
  const file = path.resolve(path.dirname(actuals.absolute), ref);
  if (!folder.contains(file)) throw inputError('PATH_OUTSIDE_FOLDER', { path: ref });
  return file;
}

/** The indicator rows as the page shows them: the printed row's text, its cells to fill with their values now. */
function fillRows(
  result: ScoredForm['result'],
  view: ReturnType<typeof formView>,
  data: unknown,
  t: UiTexts,
  lang: Lang,
): FillRow[] {
  const kinds = new Map(result.indicators.map((r) => [r.id, r.kind]));
  const ids = result.levels.flatMap((l) => l.groups.flatMap((g) => g.indicatorIds));
  return view.rows.map((r, i): FillRow => {
    const id = ids[i] ?? '';
    const kind = kinds.get(id);
    const cells: FillRow['cells'] = { actual: [], score: [], deviation: [] };
    // a row that does not apply has nothing to fill: its actual is printed "/"
    const offered =
      kind === 'notApplicable'
        ? []
        : rowFields().filter((f) => !f.kinds || (kind !== undefined && f.kinds.includes(kind)));
    for (const f of offered) {
      const at = JSON.stringify(['indicators', id, f.key]);
      const value = valueAt(data, ['indicators', id, f.key]);
      const header = f.required ? view.columns.actual : f.header[lang];
      const options =
        f.type === 'band'
          ? [
              { value: '', label: t.bandNone, selected: value === '' },
              ...BANDS.map((b) => ({ value: b, label: b, selected: b === value })),
            ]
          : null;
      cells[f.place].push({
        field: at,
        value,
        label: `${r.name} ${header}`,
        col: f.key,
        placeholder: f.required ? '' : f.header[lang],
        options,
      });
    }
    return {
      id,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      target: r.target,
      maxScore: r.maxScore,
      notApplicable: kind === 'notApplicable',
      cells,
      keepWhole: r.keepWhole,
    };
  });
}

/**
 * Lays out the web form: everything the definitions say comes from the printed form's own view model (the blank
 * form: same header block, columns, rowspans and 分值), so page and PDF cannot drift apart; the cells come from the file.
 */
export async function formPage(folder: FormFolder, actuals: FolderFile, lang: Lang): Promise<FormPageView> {
  const { data, hash } = readFormText(actuals);
  const blank = await scoreFile(definitionsOf(folder, actuals, data));
  const view = formView(blank.result, { explain: false, blank: true, linkBase: '' });
  const t = uiTexts(lang);
  const cell = (at: string[], label: string): FillCell => ({
    field: JSON.stringify(at),
    value: valueAt(data, at),
    label,
  });
  const signing = await signingStatus(actuals.absolute, lang);
  const rows = fillRows(blank.result, view, data, t, lang);
  return {
    t,
    lang,
    file: actuals.relative,
    baseHash: hash,
    title: view.title,
    year: view.year,
    isProject: view.isProject,
    department: view.department,
    headerRows: view.headerRows,
    columns: view.columns,
    budgetLabel: view.budgetLabel,
    budget: budgetCells(view, cell),
    budgetDeclared: cell(['budget', 'declaredScore'], `${view.budgetLabel} ${t.declared}`),
    budgetReason: cell(['budget', 'reason'], t.budgetReason),
    goal: { expected: view.goal.expected, actual: cell(['overallGoal', 'actual'], view.columns.actual) },
    rows,
    maxTotal: view.total.maxScore,
    signOff: {
      preparer: cell(['signOff', 'preparer'], t.preparer),
      phone: cell(['signOff', 'phone'], t.phone),
      date: cell(['signOff', 'date'], t.date),
      reviewer: cell(['signOff', 'reviewer'], t.reviewer),
      head: cell(['signOff', 'head'], t.head),
    },
    declaredTotal: cell(['declaredTotal'], t.declaredTotal),
    declaredGrade: cell(['declaredGrade'], t.declaredGrade),
    signing: signingView(signing, lang),
  };
}

/** The budget lines' cells: 年度资金总额 and its 其中 rows, each with its three amounts. */
function budgetCells(
  view: ReturnType<typeof formView>,
  cell: (at: string[], label: string) => FillCell,
): FormPageView['budget'] {
  const lines: [string, string[]][] = [
    ['total', ['budget']],
    ['currentYear', ['budget', 'breakdown', 'currentYear']],
    ['carryOver', ['budget', 'breakdown', 'carryOver']],
    ['other', ['budget', 'breakdown', 'other']],
  ];
  return view.budget.flatMap((b, i) => {
    const line = lines[i];
    if (!line) return [];
    const [key, at] = line;
    return {
      key,
      label: b.label,
      isTotal: b.isTotal,
      maxScore: b.maxScore,
      initial: cell([...at, 'initialBudget'], `${b.label} ${FIELD_LABEL.initialBudget}`),
      fullYear: cell([...at, 'fullYearBudget'], `${b.label} ${FIELD_LABEL.fullYearBudget}`),
      executed: cell([...at, 'executed'], `${b.label} ${FIELD_LABEL.executed}`),
    };
  });
}

/** How far the sign-off has come, and the roles a signer can choose (the next one first). */
function signingView(signing: Awaited<ReturnType<typeof signingStatus>>, lang: Lang): FormPageView['signing'] {
  return {
    text: signing.text,
    signed: signing.signed.length > 0,
    current: signing.current,
    roles: ROLES.map((r) => ({ value: r, label: text(`role.${r}`, lang), selected: r === signing.waiting[0] })),
  };
}
