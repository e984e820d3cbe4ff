import { textOfRef } from '../errors/texts';
import { plain, type Decimal } from '../domain/decimal';
import { messageOf, type Lang } from '../errors/message';
import type { Diagnostic } from '../errors/diagnostic';
import type { FormResult, IndicatorResult } from '../scoring/result';
import { gradeText } from './format';

/** Decimals are written as JSON strings ("99.5"): exact, never a binary float. */
const d = (v: Decimal | null | undefined): string | null => (v === null || v === undefined ? null : plain(v));

function flag(x: Diagnostic, lang: Lang) {
  return {
    code: x.code,
    severity: x.severity,
    message: messageOf(x, lang),
    ...(x.location ? { location: x.location } : {}),
  };
}

/** The documented `jixiao score --json` shape (see README). */
export function resultToJson(result: FormResult, lang: Lang = 'zh') {
  return {
    title: result.title,
    form: result.form,
    fiscalYear: result.fiscalYear,
    department: result.department,
    /** `draft` (待补充): the total is provisional until every entry of `pending` is given. */
    status: result.status,
    pending: result.pending.map((p) => flag(p, lang)),
    total: d(result.total),
    maxTotal: d(result.maxTotal),
    grade: result.grade === null ? null : { id: result.grade, label: result.gradeLabel ?? gradeText(result.grade) },
    declared: {
      total: d(result.declared.total),
      grade: result.declared.grade,
      rowsTotal: d(result.declared.rowsTotal),
      maxTotal: d(result.declared.maxTotal),
    },
    budget: budgetJson(result.budget, lang),
    levels: result.levels.map((l) => ({
      name: l.name,
      declaredWeight: d(l.declaredWeight),
      maxScore: d(l.maxScore),
      score: d(l.score),
      groups: l.groups.map((g) => ({
        name: g.name,
        maxScore: d(g.maxScore),
        score: d(g.score),
        indicators: g.indicatorIds,
      })),
    })),
    indicators: result.indicators.map((r) => indicatorJson(r, lang)),
    adjustments: result.adjustments.map((a) => ({
      method: a.method,
      rule: a.rule,
      delta: d(a.delta),
      explanation: textOfRef(a.explanation, lang),
      indicatorId: a.indicatorId ?? null,
    })),
    subtotal: d(result.subtotal),
    warnings: result.warnings.map((w) => flag(w, lang)),
    notes: result.notes.map((w) => flag(w, lang)),
    ruleSet: result.ruleSet,
    inputs: result.inputs,
    jixiaoVersion: result.jixiaoVersion,
  };
}

export type ResultJson = ReturnType<typeof resultToJson>;

function budgetJson(b: FormResult['budget'], lang: Lang) {
  return {
    initialBudget: d(b.initialBudget),
    fullYearBudget: d(b.fullYearBudget),
    executed: d(b.executed),
    rate: d(b.rate.toDecimalPlaces(6)),
    maxScore: d(b.maxScore),
    ruleScore: d(b.ruleScore),
    declaredScore: d(b.declaredScore),
    finalScore: d(b.finalScore),
    explanation: textOfRef(b.explanation, lang),
    rule: b.rule,
    flags: b.flags.map((f) => flag(f, lang)),
  };
}

function indicatorJson(r: IndicatorResult, lang: Lang) {
  return {
    id: r.id,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    actual: r.actual,
    kind: r.kind,
    direction: r.direction,
    band: r.band,
    completion: d(r.completion?.toDecimalPlaces(6)),
    maxScore: d(r.maxScore),
    method: r.method,
    rule: r.rule,
    fired: r.fired,
    ruleScore: d(r.ruleScore),
    declaredScore: d(r.declaredScore),
    finalScore: d(r.finalScore),
    override: r.override,
    explanation: textOfRef(r.explanation, lang),
    flags: r.flags.map((f) => flag(f, lang)),
    pending: r.pending ? flag(r.pending, lang) : null,
  };
}
