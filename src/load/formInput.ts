import { dec, type Decimal } from '../domain/decimal';
import { FORM_LABEL } from '../domain/glossary';
import type { Band } from '../domain/model';
import type { ActualsFile } from '../schema/actuals';
import type { DefinitionsFile } from '../schema/definitions';
import type { BudgetInput } from '../scoring/budget';
import type { IndicatorInput } from '../scoring/reading';
import type { FormInput } from '../scoring/scoreForm';
import { BAND_INPUT } from '../targets/bands';
import type { SourceDocument } from '../source/yamlSource';
import { PRINTED } from '../domain/formWording';
import { sha256 } from './files';
import { createHash } from 'node:crypto';
import { JIXIAO_VERSION } from '../domain/version';

// Joins a form's definitions and actuals into the scorer's input, keeping where each value was written.

const amountOrNull = (v: string | undefined): Decimal | null => (v === undefined ? null : dec(v));
const decOrNull = (v: number | undefined): Decimal | null => (v === undefined ? null : dec(String(v)));

/** The indicator rows with what was filled for each, keeping where each value was written; and the level tree. */
function indicatorsInput(
  definitions: DefinitionsFile,
  actuals: ActualsFile,
  d?: SourceDocument,
  a?: SourceDocument,
): { indicators: IndicatorInput[]; levels: FormInput['levels'] } {
  const indicators: IndicatorInput[] = [];
  // where a missing row is reported (the actuals' indicators map): one location for every row
  const actualsIndicators = a?.locate(['indicators'], { key: true });
  const levels: FormInput['levels'] = definitions.levels.map((level, i) => ({
    name: level.level1,
    declaredWeight: decOrNull(level.weight),
    location: d?.locate(['levels', i, 'weight']),
    groups: level.groups.map((group, j) => ({
      name: group.level2,
      ids: group.indicators.map((row, k) => {
        const filled = Object.prototype.hasOwnProperty.call(actuals.indicators, row.id)
          ? actuals.indicators[row.id]
          : undefined;
        const at = ['indicators', row.id];
        const input: IndicatorInput = {
          id: row.id,
          name: row.name,
          level1: level.level1,
          level2: group.level2,
          target: row.target,
          ...(row.direction ? { direction: row.direction } : {}),
          maxScore: row.maxScore === '/' ? null : dec(String(row.maxScore)),
          actual: filled ? filled.actual : null,
          locations: {
            definition: d?.locate(['levels', i, 'groups', j, 'indicators', k]),
            actual: filled ? a?.locate([...at, 'actual']) : undefined,
            declaredScore: filled?.declaredScore !== undefined ? a?.locate([...at, 'declaredScore']) : undefined,
            actualsIndicators,
          },
        };
        if (filled?.band) input.band = BAND_INPUT[filled.band] as Band;
        if (filled?.declaredScore !== undefined) input.declaredScore = dec(String(filled.declaredScore));
        if (filled?.reason !== undefined) input.reason = filled.reason;
        if (filled?.deviationReason !== undefined) input.deviationReason = filled.deviationReason;
        if (filled?.improvement !== undefined) input.improvement = filled.improvement;
        indicators.push(input);
        return row.id;
      }),
    })),
  }));
  return { indicators, levels };
}

/** The budget figures in 万元, with the 其中 rows and where the scored figures were written. */
function budgetInput(definitions: DefinitionsFile, actuals: ActualsFile, a?: SourceDocument): BudgetInput {
  const b = actuals.budget;
  const breakdown: BudgetInput['breakdown'] = (['currentYear', 'carryOver', 'other'] as const).map((key) => {
    const line = b.breakdown?.[key];
    return {
      key,
      initialBudget: amountOrNull(line?.initialBudget),
      fullYearBudget: amountOrNull(line?.fullYearBudget),
      executed: amountOrNull(line?.executed),
    };
  });
  return {
    maxScore: dec(String(definitions.budget.maxScore)),
    initialBudget: amountOrNull(b.initialBudget),
    fullYearBudget: dec(b.fullYearBudget),
    executed: dec(b.executed),
    breakdown,
    declaredScore: decOrNull(b.declaredScore),
    declaredRate: decOrNull(b.declaredRate),
    reason: b.reason ?? '',
    locations: {
      budget: a?.locate(['budget'], { key: true }),
      fullYearBudget: a?.locate(['budget', 'fullYearBudget']),
      executed: a?.locate(['budget', 'executed']),
      declaredScore: b.declaredScore !== undefined ? a?.locate(['budget', 'declaredScore']) : undefined,
      declaredRate: b.declaredRate !== undefined ? a?.locate(['budget', 'declaredRate']) : undefined,
    },
  };
}

/** The form's header: units, project, goals and the sign-off names. */
function headerInput(definitions: DefinitionsFile, actuals: ActualsFile): FormInput['header'] {
  const p = definitions.project;
  const signOff = actuals.signOff;
  return {
    layout: definitions.layout ?? 'ministry',
    columns: definitions.columns ?? {},
    implementingUnit: definitions.implementingUnit ?? '',
    project: p
      ? {
          name: p.name,
          subProject: p.subProject ?? '',
          totalInvestment: p.totalInvestment ?? null,
          fiscalFunding: p.fiscalFunding ?? null,
          period: p.period ?? '',
        }
      : null,
    overallGoal: { expected: definitions.overallGoal.expected, actual: actuals.overallGoal.actual },
    signOff: {
      preparer: signOff?.preparer ?? '',
      phone: signOff?.phone ?? '',
      date: signOff?.date ?? '',
      reviewer: signOff?.reviewer ?? '',
      head: signOff?.head ?? '',
    },
  };
}

/** Joins definitions and actuals into the scorer's input, keeping where each value was written. */
export function formInput(
  definitions: DefinitionsFile,
  actuals: ActualsFile,
  docs: { definitions?: SourceDocument; actuals?: SourceDocument },
): FormInput {
  const a = docs.actuals;
  const d = docs.definitions;
  const { indicators, levels } = indicatorsInput(definitions, actuals, d, a);
  return {
    form: definitions.form,
    title: definitions.title ?? PRINTED.title(definitions.fiscalYear, FORM_LABEL[definitions.form]),
    fiscalYear: definitions.fiscalYear,
    department: definitions.department,
    header: headerInput(definitions, actuals),
    budget: budgetInput(definitions, actuals, a),
    indicators,
    levels,
    declared: {
      total: decOrNull(actuals.declaredTotal),
      grade: actuals.declaredGrade ?? null,
      maxTotal: decOrNull(definitions.declaredTotal),
      totalLocation: actuals.declaredTotal !== undefined ? a?.locate(['declaredTotal']) : undefined,
      maxTotalLocation: definitions.declaredTotal !== undefined ? d?.locate(['declaredTotal']) : undefined,
      gradeLocation: actuals.declaredGrade !== undefined ? a?.locate(['declaredGrade']) : undefined,
    },
    stamps: inputStamps(d ? sha256(d.text) : '', a ? sha256(a.text) : ''),
  };
}

/** The inputs' hashes (each file's, and both together: what a printed form's footer cites) and this jixiao's version. */
export function inputStamps(definitionsSha256: string, actualsSha256: string): FormInput['stamps'] {
  const sha256 = createHash('sha256').update(`${definitionsSha256}\n${actualsSha256}`).digest('hex');
  return { inputs: { definitionsSha256, actualsSha256, sha256 }, jixiaoVersion: JIXIAO_VERSION };
}
