// The façade the CLI uses: it reaches the rest of the house only through the pipeline. Re-exports only.
export { Timings, scoreFile, scoreTexts, type ScoredForm } from './stages';
export { actualsTemplateFor } from '../load/actualsTemplate';
export { runRuleSetTests, type TestFileOutcome } from '../lint/ruleSetTests';
export { resultToJson } from '../report/json';
export { textReport } from '../report/textReport';
export { FILE_KINDS, isFileKind, jsonSchemaOf } from '../schema/kinds';
export { renderForms, formHtml, embeddedData, type RenderedForm } from './render';
export { standaloneHtml } from '../report/assets';
export { signFile, keygen } from './sign';
export { verifyPdf, type VerifyReport } from './verify';
export { compareRuleSets, type CompareRun } from '../compare/run';
export { findForms } from '../load/formFiles';
export { compareText, compareCsv, compareHtml } from '../report/compareReport';
export { lintFile, type LintReport } from '../lint/lintFile';
export { showRuleSet, type ParameterLine } from './ruleSetShow';
export { exportWorkbookFile, workbookActuals } from './workbook';
