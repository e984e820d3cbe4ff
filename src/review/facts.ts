import { dec, plain } from '../domain/decimal';
import type { FactValue } from '../rules/facts';
import type { FactCatalog } from '../rules/findingEngine';
import type { ReviewParameterValue } from '../schema/reviewRuleSet';
import type { ReviewForm, ReviewRow } from './model';

/** What each fact of a review rule says (for those who write review rule sets: docs/review.md). */
export const REVIEW_FACTS: FactCatalog = {
  row: {
    level1: 'the level-1 name',
    level2: 'the level-2 name',
    name: 'the indicator name',
    kind: 'quantitative | date | qualitative | notApplicable',
    comparator: 'the target comparator (>=, >, <=, <, =, none), or "text" when the target is not a figure',
    unit: 'the target unit (%, a count word, yuan …), "" when none',
    applies: 'the row has points (it is not "/")',
    maxScore: 'points, decimal text',
    ruleScore: 'the score the rules give, decimal text',
    finalScore: 'the score the form ends with, decimal text',
    declaredScore: 'the declared score, decimal text, null when none',
    fullMarks: 'the final score is the row points',
    declaredAboveRule: 'a declared score above the rule score',
    completion: 'completion as scoring computed it, decimal text; null when none',
    effectWord: 'the name or target holds an effect word (parameter effectWords)',
    hasBase: 'the name or target names a base to compare with (parameter baseWords)',
    costRow: 'a cost row (its level-2 or name holds a word of parameter costWords)',
    satisfactionRow: 'a satisfaction row (parameter satisfactionWords in its level names or name)',
    surveyEvidence: 'its evidence, actual or reason names a survey (parameter surveyWords)',
    evidenceCount: 'how many evidence entries the row lists, decimal text',
    fitsLevel2: 'yes | no | unknown: the name or target holds a keyword of its level-2 (parameter level2Keywords)',
    otherLevel1: 'how many other level-1 groups of the form hold a row of the same name, decimal text',
    deviates: 'the final score is below the row points',
    hasDeviationReason: 'a reason for the deviation is written (not one of parameter placeholderReasons)',
    reasonUses: 'how many rows of the year (all forms) give the same reason for a deviation, decimal text',
    manual: 'the final score is a manual score',
    previousTarget: 'lowered | raised | same | none: the target against last year’s row of the same name',
    previousCompletion: 'last year’s completion of the row of the same name, decimal text; null when none',
  },
  form: {
    status: 'complete | draft | failed',
    source: 'yaml | xlsx | pdf',
    allFull: 'every row that applies, and the budget, scored full marks',
    total: 'the total, decimal text',
    declaredTotal: 'the declared total, decimal text; null when none',
    declaredTotalAboveRule: 'the declared total is above the total the rules give',
    executionRate: 'the execution rate, decimal text',
    budgetFull: 'the budget scored full marks',
    grade: 'excellent | good | fair | poor | none',
    totalWithoutManual: 'the total with each manual score replaced by its rule score, decimal text',
    manualRows: 'how many rows end with a manual score, decimal text',
    signed: 'roles signed (signed PDFs), decimal text',
    required: 'roles the form prints a box for (signed PDFs), decimal text',
    verified: 'yes | no | unknown: the signed PDF verified against the trusted roots',
    totalChange: 'the total minus last year’s, decimal text; null when there is no last year',
  },
  department: {
    department: 'the department name',
    forms: 'how many forms it handed in, decimal text',
    allFullForms: 'how many of them scored full marks throughout, decimal text',
    allFullShare: 'their share, decimal text',
  },
};

type Parameters = Record<string, ReviewParameterValue>;
type Facts = Record<string, FactValue>;

const words = (parameters: Parameters, key: string): string[] => {
  const v = parameters[key];
  return Array.isArray(v) ? v : [];
};
const holdsAny = (text: string, list: readonly string[]): boolean => list.some((w) => w !== '' && text.includes(w));

/** A reason as compared across rows: without spaces and punctuation, so 「同上。」 and 「同上」 are one text. */
export function reasonKey(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/** What a reason that says nothing is written as. */
function isPlaceholder(text: string, parameters: Parameters): boolean {
  const key = reasonKey(text);
  return key === '' || words(parameters, 'placeholderReasons').includes(key);
}

/** What the whole year says about a row: how often its reason recurs, last year's row of the same name. */
export interface RowContext {
  reasonUses: (reason: string) => number;
  previous: ReviewRow | undefined;
}

const zeroOrMore = (n: number): string => String(Math.max(0, n));

function previousTarget(row: ReviewRow, previous: ReviewRow | undefined): string {
  if (!previous || previous.targetValue === null || row.targetValue === null || previous.unit !== row.unit)
    return 'none';
  const change = dec(row.targetValue).comparedTo(dec(previous.targetValue));
  if (change === 0) return 'same';
  // a lower-is-better target (≤, <) is eased by raising it
  const lowerIsBetter = row.comparator === '<=' || row.comparator === '<';
  return change < 0 !== lowerIsBetter ? 'lowered' : 'raised';
}

export function rowFacts(row: ReviewRow, form: ReviewForm, parameters: Parameters, context: RowContext): Facts {
  const described = `${row.name} ${row.target}`;
  const levels = `${row.level1} ${row.level2} ${row.name}`;
  const keywords = parameters.level2Keywords;
  const list = keywords && typeof keywords === 'object' && !Array.isArray(keywords) ? keywords[row.level2] : undefined;
  const others = new Set(form.rows.filter((r) => r.name === row.name && r.level1 !== row.level1).map((r) => r.level1));
  const reason = isPlaceholder(row.deviationReason, parameters) ? '' : row.deviationReason;
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    kind: row.kind,
    comparator: row.comparator ?? 'text',
    unit: row.unit,
    applies: row.maxScore !== null,
    maxScore: row.maxScore,
    ruleScore: row.ruleScore,
    finalScore: row.finalScore,
    declaredScore: row.declaredScore,
    fullMarks: row.maxScore !== null && dec(row.finalScore).equals(dec(row.maxScore)),
    declaredAboveRule: row.declaredScore !== null && dec(row.declaredScore).greaterThan(dec(row.ruleScore)),
    completion: row.completion,
    effectWord: holdsAny(described, words(parameters, 'effectWords')),
    hasBase: holdsAny(described, words(parameters, 'baseWords')),
    costRow: holdsAny(`${row.level1} ${row.level2} ${row.name}`, words(parameters, 'costWords')),
    satisfactionRow: holdsAny(levels, words(parameters, 'satisfactionWords')),
    surveyEvidence: holdsAny(
      [...row.evidence, row.actual, row.deviationReason].join(' '),
      words(parameters, 'surveyWords'),
    ),
    evidenceCount: String(row.evidence.length),
    fitsLevel2: list === undefined ? 'unknown' : holdsAny(described, list) ? 'yes' : 'no',
    otherLevel1: String(others.size),
    deviates: row.maxScore !== null && dec(row.finalScore).lessThan(dec(row.maxScore)),
    hasDeviationReason: reason !== '',
    reasonUses: reason === '' ? '0' : zeroOrMore(context.reasonUses(reason)),
    manual: row.manual,
    previousTarget: previousTarget(row, context.previous),
    previousCompletion: context.previous?.completion ?? null,
  };
}

/** Every row that applies, and the budget, scored full marks. */
export function allFull(form: ReviewForm): boolean {
  const rows = form.rows.filter((r) => r.maxScore !== null);
  const budgetFull = form.budget !== null && dec(form.budget.score).equals(dec(form.budget.maxScore));
  return (
    form.status !== 'failed' &&
    rows.length > 0 &&
    budgetFull &&
    rows.every((r) => dec(r.finalScore).equals(dec(r.maxScore ?? '0')))
  );
}

export function formFacts(form: ReviewForm, previous: ReviewForm | undefined): Facts {
  const signatures = form.signatures;
  return {
    status: form.status,
    source: form.source,
    allFull: allFull(form),
    total: form.total,
    declaredTotal: form.declaredTotal,
    declaredTotalAboveRule:
      form.declaredTotal !== null && form.total !== null && dec(form.declaredTotal).greaterThan(dec(form.total)),
    executionRate: form.budget?.rate ?? null,
    budgetFull: form.budget !== null && dec(form.budget.score).equals(dec(form.budget.maxScore)),
    grade: form.grade ?? 'none',
    totalWithoutManual: form.totalWithoutManual,
    manualRows: String(form.rows.filter((r) => r.manual).length),
    signed: signatures ? String(signatures.signed) : null,
    required: signatures ? String(signatures.required) : null,
    verified: signatures?.verified === true ? 'yes' : signatures?.verified === false ? 'no' : 'unknown',
    totalChange:
      previous?.total != null && form.total !== null ? plain(dec(form.total).minus(dec(previous.total))) : null,
  };
}

export function departmentFacts(department: string, forms: readonly ReviewForm[]): Facts {
  const scored = forms.filter((f) => f.status !== 'failed');
  const full = scored.filter(allFull).length;
  return {
    department,
    forms: String(scored.length),
    allFullForms: String(full),
    allFullShare: scored.length === 0 ? '0' : plain(dec(full).dividedBy(scored.length)),
  };
}
