import { diagnostic, InputError, throwIfErrors, type Diagnostic } from '../errors/diagnostic';
import { LevelNames } from '../rules/levels';
import type { RuleSet } from '../rules/ruleSet';
import { actualsSchema, indicatorActualSchema, type ActualsFile } from '../schema/actuals';
import { issueText } from '../errors/zodIssue';
import { textRef } from '../errors/texts';
import { definitionsSchema, type DefinitionsFile } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import type { FormInput } from '../scoring/scoreForm';
import { parseYaml, type SourceDocument } from '../source/yamlSource';
import { checkActualIds, checkDefinitions } from './checkDefinitions';
import { readSource, resolveBeside } from './files';
import { formInput } from './formInput';
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
  /** Score under this rule set instead of the one the definitions name: an id or path, or one already loaded (compare reads it once for every form). */
  ruleSet?: string | RuleSet;
}

/** The rule set the options name, read (from the working directory) unless it was handed over already loaded. */
function chosenRuleSet(chosen: string | RuleSet): RuleSet {
  return typeof chosen === 'string' ? loadRuleSet(chosen, undefined, process.cwd()) : chosen;
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
 * locations point at cells): finds its definitions (or takes those given: a workbook's own copy) and rule set
 * and runs every check.
 */
export function loadFormFromDocument(
  actualsDoc: SourceDocument,
  options: LoadOptions = {},
  definitionsGiven?: SourceDocument,
): LoadedForm {
  const definitionsRef = definitionsReference(actualsDoc);
  let definitions: SourceDocument | Diagnostic[] = definitionsGiven ?? [];
  if (definitionsRef && !definitionsGiven) {
    try {
      definitions = readSource(resolveBeside(actualsDoc, definitionsRef), actualsDoc.locate(['definitions']));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      definitions = error.diagnostics;
    }
  }
  return formFromDocuments(actualsDoc, definitions, (value, doc) =>
    options.ruleSet
      ? chosenRuleSet(options.ruleSet)
      : loadRuleSet(value.ruleSet, doc.locate(['ruleSet']), path.dirname(doc.file)),
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
function formFromDocuments(
  actualsDoc: SourceDocument,
  definitionsSource: SourceDocument | Diagnostic[],
  ruleSetFor: (definitions: DefinitionsFile, doc: SourceDocument) => RuleSet,
): LoadedForm {
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
  problems.push(
    ...checkDefinitions(definitions, definitionsDoc, ruleSet),
    ...checkActualIds(definitions, actualsDoc, definitionsDoc.file),
  );
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
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const data = { field: 'indicators.__proto__', detail: first ? issueText(first) : '', fix: textRef('fix.schema') };
    throw new InputError([diagnostic('INVALID_VALUE', data, doc.locate(['indicators', '__proto__']))]);
  }
  const indicators: ActualsFile['indicators'] = Object.assign(
    Object.create(null) as ActualsFile['indicators'],
    actuals.indicators,
  );
  Object.defineProperty(indicators, '__proto__', {
    value: parsed.data,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return { ...actuals, indicators };
}

/** A definitions file with every check `score` makes on it (schema, rule set, level names, ids); for init and export. */
export function loadDefinitions(
  file: string,
  options: LoadOptions = {},
): { doc: SourceDocument; definitions: DefinitionsFile; ruleSet: RuleSet } {
  return loadDefinitionsDocument(readSource(file), options);
}

/** The same from a definitions document already read (the copy a workbook carries). */
export function loadDefinitionsDocument(
  doc: SourceDocument,
  options: LoadOptions = {},
): { doc: SourceDocument; definitions: DefinitionsFile; ruleSet: RuleSet } {
  const { value, diagnostics } = validateDocument(doc, definitionsSchema);
  throwIfErrors(diagnostics);
  if (!value) throw new InputError(diagnostics);
  const ruleSet = options.ruleSet
    ? chosenRuleSet(options.ruleSet)
    : loadRuleSet(value.ruleSet, doc.locate(['ruleSet']), path.dirname(doc.file));
  throwIfErrors(checkDefinitions(value, doc, ruleSet));
  return { doc, definitions: value, ruleSet };
}

/**
 * A definitions file as a form with nothing filled in: what `render definitions.yaml` prints for filling by hand.
 * Its actuals are the `init` skeleton, so the embedded copy is what a clerk would start from.
 */
export function blankForm(definitionsPath: string, skeleton: (definitions: DefinitionsFile) => string): LoadedForm {
  const { doc: definitionsDoc, definitions, ruleSet } = loadDefinitions(definitionsPath);
  const actualsDoc = parseYaml(
    skeleton(definitions),
    definitionsPath.replace(/(\.indicators)?\.ya?ml$/, '.blank.actuals.yaml'),
  );
  const actuals: ActualsFile = {
    definitions: definitionsPath,
    budget: { fullYearBudget: '0', executed: '0' },
    overallGoal: { actual: '' },
    indicators: {},
  };
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
