import type { FormResult } from '../scoring/result';
import { scoreForm } from '../scoring/scoreForm';
import { loadForm, type LoadedForm, type LoadOptions } from './loadForm';
import { compiled } from './ruleSets';

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
}

/** Loads and scores one actuals file. */
export async function scoreFile(actualsPath: string, options: LoadOptions = {}, timings = new Timings()): Promise<ScoredForm> {
  const loaded = await timings.time('load', () => loadForm(actualsPath, options));
  const engine = await timings.time('compile', () => compiled(loaded.ruleSet));
  const result = await timings.time('score', () => scoreForm(loaded.input, engine));
  return { loaded, result };
}

// The façade the CLI uses: it reaches the rest of the house only through the pipeline.
export { actualsTemplateFor } from './actualsTemplate';
export { runRuleSetTests, type TestFileOutcome } from './ruleSetTests';
export { resultToJson } from '../report/json';
export { textReport } from '../report/textReport';
export { FILE_KINDS, isFileKind, jsonSchemaOf } from '../schema/kinds';
export { renderForms, formHtml, embeddedData, type RenderedForm } from './render';
export { standaloneHtml } from '../report/assets';
export { signFile, keygen } from './sign';
export { verifyPdf, type VerifyReport } from './verify';
export { scoreTexts } from './scoreTexts';
export { compareRuleSets, findForms, type CompareRun } from './compare';
export { compareText, compareCsv, compareHtml } from '../report/compareReport';
export { lintFile, type LintReport } from './lint';
