import { listOf, textRef } from '../errors/texts';
import { dec, type Decimal } from '../domain/decimal';
import type { Band } from '../domain/model';
import { diagnostic, InputError, throwIfErrors, type Diagnostic } from '../errors/diagnostic';
import { LevelNames } from '../rules/levels';
import type { RuleSet } from '../rules/ruleSet';
import { actualsSchema, indicatorActualSchema, type ActualsFile } from '../schema/actuals';
import { issueText } from '../errors/zodIssue';
import { definitionsSchema, type DefinitionsFile } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import type { BudgetInput } from '../scoring/budget';
import type { IndicatorInput } from '../scoring/reading';
import type { FormInput } from '../scoring/scoreForm';
import { BAND_INPUT } from '../targets/bands';
import { FORM_LABEL } from '../domain/glossary';
import { parseYaml, type SourceDocument } from '../source/yamlSource';
import { readSource, resolveBeside, sha256 } from './files';
import { loadRuleSet, ruleSetFromText } from './ruleSets';
import * as path from 'node:path';

/** A form as loaded from its two files, with the rule set that scores it. */
export interface LoadedForm {
  actualsDoc: SourceDocument;
  definitionsDoc: SourceDocument;
  actuals: ActualsFile;
  definitions: DefinitionsFile;
  ruleSet: RuleSet;
  input: FormInput;
  /** A definitions file read as a form with nothing filled in (the blank form to print). */
  blank?: boolean;
}

export interface LoadOptions {
  /** Score under this rule set instead of the one the definitions name (id or path). */
  ruleSet?: string;
}

/** A file's name and text: what the loader reads, whether from disk or from a signed PDF's attachment. */
export interface NamedText {
  name: string;
  text: string;
}

/** Reads an actuals file, the definitions it names and their rule set; reports every problem at its line. */
export function loadForm(actualsPath: string, options: LoadOptions = {}): LoadedForm {
  return loadFormFromDocument(readSource(actualsPath), options);
}

/**
 * The loader from an actuals document already read (a file, or the YAML a workbook's cells make, whose
 * locations point at cells): finds its definitions and rule set and runs every check.
 */
export function loadFormFromDocument(actualsDoc: SourceDocument, options: LoadOptions = {}): LoadedForm {
  const definitionsRef = definitionsReference(actualsDoc);
  let definitions: SourceDocument | Diagnostic[] = [];
  if (definitionsRef) {
    try {
      definitions = readSource(resolveBeside(actualsDoc, definitionsRef), actualsDoc.locate(['definitions']));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      definitions = error.diagnostics;
    }
  }
  return formFromDocuments(actualsDoc, definitions, (value, doc) =>
    options.ruleSet ? loadRuleSet(options.ruleSet, undefined, process.cwd()) : loadRuleSet(value.ruleSet, doc.locate(['ruleSet']), path.dirname(doc.file)),
  );
}

/**
 * The same loader from texts (a signed PDF's embedded inputs): the rule set is the embedded, resolved one,
 * so a reviewer re-scores without any file on disk — and with every check a department's own run makes.
 */
export function loadFormTexts(texts: { definitions: NamedText; actuals: NamedText; ruleSet: NamedText }): LoadedForm {
  const actualsDoc = parseYaml(texts.actuals.text, texts.actuals.name);
  const definitionsDoc = parseYaml(texts.definitions.text, texts.definitions.name);
  return formFromDocuments(actualsDoc, definitionsDoc, () => ruleSetFromText(texts.ruleSet.text, texts.ruleSet.name));
}

/** Validates both documents, resolves the rule set, cross-checks them and joins them into the scorer's input. */
function formFromDocuments(actualsDoc: SourceDocument, definitionsSource: SourceDocument | Diagnostic[], ruleSetFor: (definitions: DefinitionsFile, doc: SourceDocument) => RuleSet): LoadedForm {
  const actualsRead = validateDocument(actualsDoc, actualsSchema);
  const problems: Diagnostic[] = [...actualsRead.diagnostics];
  let definitions: DefinitionsFile | undefined;
  let definitionsDoc: SourceDocument | undefined;
  if (Array.isArray(definitionsSource)) problems.push(...definitionsSource);
  else {
    definitionsDoc = definitionsSource;
    const read = validateDocument(definitionsDoc, definitionsSchema);
    problems.push(...read.diagnostics);
    definitions = read.value;
  }
  if (!definitions || !definitionsDoc || !actualsRead.value || problems.some((d) => d.severity === 'error')) {
    throw new InputError(problems.filter((d) => d.severity === 'error'));
  }
  const actuals = withReservedIds(actualsRead.value, actualsDoc);
  const ruleSet = ruleSetFor(definitions, definitionsDoc);
  problems.push(...checkDefinitions(definitions, definitionsDoc, ruleSet), ...checkActualIds(definitions, actualsDoc, definitionsDoc.file));
  throwIfErrors(problems);
  const input = formInput(definitions, actuals, { definitions: definitionsDoc, actuals: actualsDoc });
  // rules test the framework's level names, whatever the form printed (效果指标 is 效益指标)
  const names = new LevelNames(ruleSet.file.framework);
  for (const row of input.indicators) row.level1Key = names.canonical1(row.level1) ?? row.level1;
  for (const level of input.levels) level.key = names.canonical1(level.name) ?? level.name;
  // what reading noticed without refusing (a GB18030 file, say) travels with the form into its result
  input.readingNotes = problems.filter((d) => d.severity !== 'error');
  return { actualsDoc, definitionsDoc, actuals, definitions, ruleSet, input };
}

/**
 * An indicator id `__proto__` is an id like any other. zod's record drops it (assigning it sets a prototype),
 * so it is validated here on its own and kept as an own property of a null-prototype record.
 */
function withReservedIds(actuals: ActualsFile, doc: SourceDocument): ActualsFile {
  const raw = (doc.data as { indicators?: Record<string, unknown> } | undefined)?.indicators;
  if (!raw || typeof raw !== 'object' || !Object.prototype.hasOwnProperty.call(raw, '__proto__')) return actuals;
  const parsed = indicatorActualSchema.safeParse(raw['__proto__']);
  if (!parsed.success) throw new InputError([diagnostic('INVALID_VALUE', { field: 'indicators.__proto__', detail: issueText(parsed.error.issues[0]!) }, doc.locate(['indicators', '__proto__']))]);
  const indicators: ActualsFile['indicators'] = Object.assign(Object.create(null) as ActualsFile['indicators'], actuals.indicators);
  Object.defineProperty(indicators, '__proto__', { value: parsed.data, enumerable: true, writable: true, configurable: true });
  return { ...actuals, indicators };
}

/** A definitions file with every check `score` makes on it (schema, rule set, level names, ids); for init and export. */
export function loadDefinitions(file: string, options: LoadOptions = {}): { doc: SourceDocument; definitions: DefinitionsFile; ruleSet: RuleSet } {
  const doc = readSource(file);
  const { value, diagnostics } = validateDocument(doc, definitionsSchema);
  throwIfErrors(diagnostics);
  if (!value) throw new InputError(diagnostics);
  const ruleSet = options.ruleSet ? loadRuleSet(options.ruleSet, undefined, process.cwd()) : loadRuleSet(value.ruleSet, doc.locate(['ruleSet']), path.dirname(doc.file));
  throwIfErrors(checkDefinitions(value, doc, ruleSet));
  return { doc, definitions: value, ruleSet };
}

/**
 * A definitions file as a form with nothing filled in: what `render definitions.yaml` prints for filling by hand.
 * Its actuals are the `init` skeleton, so the embedded copy is what a clerk would start from.
 */
export function blankForm(definitionsPath: string, skeleton: (definitions: DefinitionsFile) => string): LoadedForm {
  const { doc: definitionsDoc, definitions, ruleSet } = loadDefinitions(definitionsPath);
  const actualsDoc = parseYaml(skeleton(definitions), definitionsPath.replace(/(\.indicators)?\.ya?ml$/, '.blank.actuals.yaml'));
  const actuals: ActualsFile = { definitions: definitionsPath, budget: { fullYearBudget: '0', executed: '0' }, overallGoal: { actual: '' }, indicators: {} };
  const input = formInput(definitions, actuals, { definitions: definitionsDoc });
  return { actualsDoc, definitionsDoc, actuals, definitions, ruleSet, input, blank: true };
}

/** True for a definitions file (it has levels and names no definitions of its own). */
export function isDefinitionsDocument(doc: SourceDocument): boolean {
  const data = doc.data as Record<string, unknown> | undefined;
  return typeof data === 'object' && data !== null && 'levels' in data && !('definitions' in data);
}

function definitionsReference(doc: SourceDocument): string | null {
  const data = doc.data as { definitions?: unknown } | undefined;
  return typeof data?.definitions === 'string' && data.definitions !== '' ? data.definitions : null;
}

/**
 * Ids unique; level names from the rule set's framework (as written, or a synonym), each level-2 under its own
 * level-1. An unknown 一级 is an error; an unknown 二级 under a known 一级 a warning unless the rule set says error.
 */
export function checkDefinitions(definitions: DefinitionsFile, doc: SourceDocument, ruleSet: RuleSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstLine = new Map<string, number>();
  const names = new LevelNames(ruleSet.file.framework);
  out.push(...weightsAgainstFramework(definitions, doc, ruleSet, names));
  definitions.levels.forEach((level, i) => {
    const level1 = names.canonical1(level.level1);
    if (!level1) {
      out.push(diagnostic('UNKNOWN_LEVEL1', { name: level.level1, ruleSet: ruleSet.file.id, allowed: listOf(names.level1Names) }, doc.locate(['levels', i, 'level1'])));
    }
    level.groups.forEach((group, j) => {
      if (level1 && !names.canonical2(level1, group.level2)) {
        const unknown = diagnostic('UNKNOWN_LEVEL2', { name: group.level2, level1: level.level1, allowed: listOf(names.level2Names(level1)) }, doc.locate(['levels', i, 'groups', j, 'level2']));
        out.push(ruleSet.file.framework.unknownLevel2 === 'error' ? { ...unknown, severity: 'error' } : unknown);
      }
      group.indicators.forEach((row, k) => {
        const where = doc.locate(['levels', i, 'groups', j, 'indicators', k, 'id']);
        const seen = firstLine.get(row.id);
        if (seen !== undefined) out.push(diagnostic('DUPLICATE_ID', { id: row.id, firstLine: seen }, where));
        else firstLine.set(row.id, where.line);
      });
    });
  });
  return out;
}

/**
 * The form's printed 分值 against the rule set's framework (budget and each 一级): the form's own are scored, and
 * a difference is said, naming both — so scoring under another rule set (`--rules hubei`) says what it does not change.
 */
function weightsAgainstFramework(definitions: DefinitionsFile, doc: SourceDocument, ruleSet: RuleSet, names: LevelNames): Diagnostic[] {
  const out: Diagnostic[] = [];
  const framework = ruleSet.file.framework;
  const base = { ruleSet: ruleSet.file.id, scoredWith: textRef(ruleSet.file.parameters.weights === 'framework' ? 'weights.framework' : 'weights.form') };
  if (definitions.budget.maxScore !== framework.budget.maxScore) {
    out.push(diagnostic('WEIGHT_RULESET_MISMATCH', { ...base, level: textRef('term.budgetRow'), form: definitions.budget.maxScore, framework: framework.budget.maxScore }, doc.locate(['budget', 'maxScore'])));
  }
  definitions.levels.forEach((level, i) => {
    const canonical = names.canonical1(level.level1);
    const expected = framework.level1.find((l) => l.name === canonical)?.weight;
    if (expected === undefined) return;
    const rows = level.groups.flatMap((g) => g.indicators).reduce((n, r) => (r.maxScore === '/' ? n : n.plus(dec(String(r.maxScore)))), dec(0));
    const printed = level.weight !== undefined ? dec(String(level.weight)) : rows;
    if (!printed.equals(expected)) {
      out.push(diagnostic('WEIGHT_RULESET_MISMATCH', { ...base, level: level.level1, form: printed.toString(), framework: expected }, doc.locate(['levels', i, level.weight !== undefined ? 'weight' : 'level1'])));
    }
  });
  return out;
}

/** Every id in the actuals must exist in the definitions, and be written as a string. */
function checkActualIds(definitions: DefinitionsFile, doc: SourceDocument, definitionsFile: string): Diagnostic[] {
  const known = new Set(definitions.levels.flatMap((l) => l.groups.flatMap((g) => g.indicators.map((r) => r.id))));
  const out: Diagnostic[] = [];
  for (const key of doc.keysAt(['indicators'])) {
    if (key.writtenAsNumber) {
      out.push(diagnostic('ID_NOT_STRING', { field: `indicators.${key.source}`, received: key.source }, key.location));
    } else if (!known.has(key.key)) {
      out.push(diagnostic('UNKNOWN_INDICATOR', { id: key.key, definitions: definitionsFile, known: listOf([...known]) }, key.location));
    }
  }
  return out;
}

const amountOrNull = (v: string | undefined): Decimal | null => (v === undefined ? null : dec(v));
const decOrNull = (v: number | undefined): Decimal | null => (v === undefined ? null : dec(String(v)));

/** The indicator rows with what was filled for each, keeping where each value was written; and the level tree. */
function indicatorsInput(definitions: DefinitionsFile, actuals: ActualsFile, d?: SourceDocument, a?: SourceDocument): { indicators: IndicatorInput[]; levels: FormInput['levels'] } {
  const indicators: IndicatorInput[] = [];
  const levels: FormInput['levels'] = definitions.levels.map((level, i) => ({
    name: level.level1,
    declaredWeight: decOrNull(level.weight),
    location: d?.locate(['levels', i, 'weight']),
    groups: level.groups.map((group, j) => ({
      name: group.level2,
      ids: group.indicators.map((row, k) => {
        const filled = Object.prototype.hasOwnProperty.call(actuals.indicators, row.id) ? actuals.indicators[row.id] : undefined;
        const at = ['indicators', row.id];
        const input: IndicatorInput = {
          id: row.id,
          name: row.name,
          level1: level.level1,
          level2: group.level2,
          target: row.target,
          maxScore: row.maxScore === '/' ? null : dec(String(row.maxScore)),
          actual: filled ? filled.actual : null,
          locations: {
            definition: d?.locate(['levels', i, 'groups', j, 'indicators', k]),
            actual: filled ? a?.locate([...at, 'actual']) : undefined,
            declaredScore: filled?.declaredScore !== undefined ? a?.locate([...at, 'declaredScore']) : undefined,
            actualsIndicators: a?.locate(['indicators'], { key: true }),
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
    return { key, initialBudget: amountOrNull(line?.initialBudget), fullYearBudget: amountOrNull(line?.fullYearBudget), executed: amountOrNull(line?.executed) };
  });
  return {
    maxScore: dec(String(definitions.budget.maxScore)),
    initialBudget: amountOrNull(b.initialBudget),
    fullYearBudget: dec(b.fullYearBudget),
    executed: dec(b.executed),
    breakdown,
    declaredScore: decOrNull(b.declaredScore),
    reason: b.reason ?? '',
    locations: {
      budget: a?.locate(['budget'], { key: true }),
      fullYearBudget: a?.locate(['budget', 'fullYearBudget']),
      executed: a?.locate(['budget', 'executed']),
      declaredScore: b.declaredScore !== undefined ? a?.locate(['budget', 'declaredScore']) : undefined,
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
    project: p ? { name: p.name, subProject: p.subProject ?? '', totalInvestment: p.totalInvestment ?? null, fiscalFunding: p.fiscalFunding ?? null, period: p.period ?? '' } : null,
    overallGoal: { expected: definitions.overallGoal.expected, actual: actuals.overallGoal.actual },
    signOff: { preparer: signOff?.preparer ?? '', phone: signOff?.phone ?? '', date: signOff?.date ?? '', reviewer: signOff?.reviewer ?? '', head: signOff?.head ?? '' },
  };
}

/** Joins definitions and actuals into the scorer's input, keeping where each value was written. */
export function formInput(definitions: DefinitionsFile, actuals: ActualsFile, docs: { definitions?: SourceDocument; actuals?: SourceDocument }): FormInput {
  const a = docs.actuals;
  const d = docs.definitions;
  const { indicators, levels } = indicatorsInput(definitions, actuals, d, a);
  return {
    form: definitions.form,
    title: definitions.title ?? `${definitions.fiscalYear}年度${FORM_LABEL[definitions.form]}`,
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
    hashes: { definitionsSha256: d ? sha256(d.text) : '', actualsSha256: a ? sha256(a.text) : '' },
  };
}
