import type { TextRef } from '../errors/texts';
import type { Decimal } from '../domain/decimal';
import type { Band, Direction, FormHeader, Grade, IndicatorKind, ParsedValue } from '../domain/model';
import type { Diagnostic } from '../errors/diagnostic';
import type { FactValue } from '../rules/facts';

/** The rule that decided a score: which rule set, which rule, and the facts its conditions looked at. */
export interface RuleTrace {
  ruleSet: string;
  rule: string;
  facts: Record<string, FactValue>;
}

/** A penalty, cap or rescaling applied to the total: kept apart from the rows' scores, each explained. */
export interface Adjustment {
  method: string;
  rule: string;
  /** Points added to the total (negative for a deduction). */
  delta: Decimal;
  /** 计算过程, said in the reader's language when shown (the Chinese is what forms print). */
  explanation: TextRef;
  indicatorId?: string;
  /** For a deviation penalty: how far the row was from its target. */
  deviation?: string;
}

export interface IndicatorResult {
  id: string;
  name: string;
  level1: string;
  level2: string;
  target: string;
  actual: string;
  maxScore: Decimal | null;
  kind: IndicatorKind;
  direction: Direction | null;
  parsedTarget: ParsedValue;
  parsedActual: ParsedValue;
  completion: Decimal | null;
  band: Band | null;
  method: string;
  rule: RuleTrace;
  /** Every rule that fired for this row, highest priority first. */
  fired: string[];
  ruleScore: Decimal;
  declaredScore: Decimal | null;
  finalScore: Decimal;
  /** Set when the final score is a declared score that differs from the rule score, with its reason. */
  override: { reason: string } | null;
  /** 计算过程, said in the reader's language when shown (the Chinese is what forms print). */
  explanation: TextRef;
  flags: Diagnostic[];
  /** What a person must still give for this row (it then scores provisionally 0): the form is a draft. */
  pending?: Diagnostic;
}

export interface BudgetResult {
  initialBudget: Decimal | null;
  fullYearBudget: Decimal;
  executed: Decimal;
  breakdown: {
    key: 'currentYear' | 'carryOver' | 'other';
    initialBudget: Decimal | null;
    fullYearBudget: Decimal | null;
    executed: Decimal | null;
  }[];
  maxScore: Decimal;
  /** Exact 执行率 (full precision); shown rounded. */
  rate: Decimal;
  /** The budget method that scored it (`pending` while its figures are missing). */
  method: string;
  ruleScore: Decimal;
  declaredScore: Decimal | null;
  finalScore: Decimal;
  /** 计算过程, said in the reader's language when shown (the Chinese is what forms print). */
  explanation: TextRef;
  rule: RuleTrace;
  flags: Diagnostic[];
  reason: string;
}

export interface Level2Result {
  name: string;
  maxScore: Decimal;
  score: Decimal;
  indicatorIds: string[];
}

export interface LevelResult {
  name: string;
  /** The weight printed on the form (产出指标(50分)), if any. */
  declaredWeight: Decimal | null;
  /** Sum of the rows' 分值 (rows that apply). */
  maxScore: Decimal;
  score: Decimal;
  groups: Level2Result[];
}

export interface FormResult {
  form: 'project' | 'department';
  title: string;
  fiscalYear: number;
  department: string;
  header: FormHeader;
  budget: BudgetResult;
  levels: LevelResult[];
  indicators: IndicatorResult[];
  adjustments: Adjustment[];
  /** Total before adjustments: budget + Σ rows. */
  subtotal: Decimal;
  /** Sum of 分值 that apply (budget + rows). */
  maxTotal: Decimal;
  total: Decimal;
  grade: Grade | null;
  /** The grade as this rule set prints it (优, or 优秀 where a province says so); null when it prints none. */
  gradeLabel: string | null;
  declared: { total: Decimal | null; grade: string | null; rowsTotal: Decimal; maxTotal: Decimal | null };
  /** `draft` (待补充) while any row or the budget still needs a person; its total is provisional. */
  status: 'complete' | 'draft';
  /** What a person must still give, row by row, at its place: empty for a complete form. */
  pending: Diagnostic[];
  /** Every warning of every row and of the form, in order: things a person must look at. */
  warnings: Diagnostic[];
  /** Notes that explain but need no action: manual overrides, rows that do not apply, adjustments. */
  notes: Diagnostic[];
  ruleSet: { id: string; version: string; name: string; sha256: string };
  inputs: { definitionsSha256: string; actualsSha256: string; sha256: string };
  jixiaoVersion: string;
}
