import { unprintableCharacters } from './printableCharacters';
import { compiled } from '../load/ruleSets';
import * as path from 'node:path';
import { SCHEMAS_DIR } from '../domain/paths';
import { actualsTemplate } from '../load/actualsTemplate';
import { decodeText, INPUT_LIMITS, readSource } from '../load/files';
import { parseYaml } from '../source/yamlSource';
import {
  blankForm,
  isDefinitionsDocument,
  loadFormFromDocument,
  loadFormTexts,
  type LoadedForm,
  type LoadOptions,
  type NamedText,
} from '../load/loadForm';
import type { FormResult } from '../scoring/result';
import type * as Workbook from './workbook';
import { scoreForm } from '../scoring/scoreForm';

/**
 * The named stages of a run — load → validate → score → render → print → sign → verify — and their timings.
 * Each command runs the stages it needs; the CLI prints the timings with --timings.
 */
export class Timings {
  readonly stages: { stage: string; ms: number }[] = [];

  async time<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.stages.push({ stage, ms: performance.now() - start });
    }
  }
}

export interface ScoredForm {
  loaded: LoadedForm;
  result: FormResult;
  /** A definitions file with nothing filled in: printed as the blank form. */
  blank?: boolean;
}

export interface ScoreOptions extends LoadOptions {
  /**
   * Rules evaluated by the fast evaluator where it mirrors the rule set (same outcome as json-rules-engine,
   * about 3 ms less per form): for batches. One form, and every check of a signed form, uses the engine.
   */
  quickRules?: boolean;
}

/** Loads and scores one actuals file. */
export async function scoreFile(
  actualsPath: string,
  options: ScoreOptions = {},
  timings = new Timings(),
): Promise<ScoredForm> {
  // a filled workbook scores like its actuals file, with every message at its cell
  const loaded = await timings.time('load', async () => {
    // the workbook library is loaded only for a workbook: it is a third of every command's start-up time
    if (/\.xlsx$/i.test(actualsPath)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const read = await (require('./workbook') as typeof Workbook).workbookActuals(actualsPath);
      return loadFormFromDocument(read.doc, options, read.carried?.doc);
    }
    // read once: a definitions file scores as a blank form (every row pending), render prints it for filling by hand
    const doc = readSource(actualsPath);
    if (isDefinitionsDocument(doc))
      return blankForm(actualsPath, (d) =>
        actualsTemplate(
          d,
          actualsPath,
          actualsPath.replace(/(\.indicators)?\.ya?ml$/, '.actuals.yaml'),
          path.join(SCHEMAS_DIR, 'actuals.schema.json'),
        ),
      );
    return loadFormFromDocument(doc, options);
  });
  const engine = await timings.time('compile', () => compiled(loaded.ruleSet));
  const result = await timings.time('score', () =>
    scoreForm(loaded.input, options.quickRules ? engine.quick() : engine),
  );
  result.warnings.push(...unprintableCharacters(loaded));
  return { loaded, result, ...(loaded.blank ? { blank: true } : {}) };
}

/**
 * Scores an actuals file given as bytes (standard input: `jixiao score -`), as if it were a file named `asFile`: its
 * definitions and rule set resolve from that file's folder, its messages name it.
 */
export async function scoreActualsBytes(
  bytes: Buffer,
  asFile: string,
  shownAs: string,
  options: ScoreOptions = {},
): Promise<ScoredForm> {
  const { text, notes } = decodeText(bytes, shownAs);
  const doc = parseYaml(text, shownAs, path.resolve(asFile));
  doc.diagnostics.push(...notes);
  const loaded = loadFormFromDocument(doc, options);
  const result = await scoreForm(loaded.input, compiled(loaded.ruleSet));
  result.warnings.push(...unprintableCharacters(loaded));
  return { loaded, result };
}

/** Scores a form from the texts of its three files (as embedded in a PDF), through the same loader, touching no file. */
export async function scoreTexts(texts: {
  definitions: NamedText;
  actuals: NamedText;
  ruleSet: NamedText;
}): Promise<ScoredForm> {
  const loaded = loadFormTexts(texts);
  const result = await scoreForm(loaded.input, compiled(loaded.ruleSet));
  result.warnings.push(...unprintableCharacters(loaded));
  return { loaded, result };
}

/** The largest actuals text read from standard input: the same limit as a YAML file. */
export const STDIN_LIMIT = INPUT_LIMITS.yaml;
