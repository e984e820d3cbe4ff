// The façade for commands that read, check and score forms. Nothing behind it loads the browser, the workbook
// library, signing or the queue, so `jixiao score` starts in a fraction of the time. Re-exports only.
export {
  Timings,
  scoreFile,
  scoreTexts,
  scoreActualsBytes,
  STDIN_LIMIT,
  type ScoredForm,
  type ScoreOptions,
} from './stages';
export { actualsTemplateFor } from '../load/actualsTemplate';
export { runRuleSetTests, type TestFileOutcome } from '../lint/ruleSetTests';
export { resultToJson } from '../report/json';
export { textReport } from '../report/textReport';
export { FILE_KINDS, isFileKind, jsonSchemaOf } from '../schema/kinds';
export { findForms, findPdfs } from '../load/formFiles';
export { defaultCacheDir, type CacheCounts } from '../load/formCache';
export { lintFile, type LintReport } from '../lint/lintFile';
export { showRuleSet, type ParameterLine } from './ruleSetShow';
