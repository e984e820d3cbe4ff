// The façade the CLI uses: it reaches the rest of the house only through the pipeline. Re-exports only;
// what reads and scores forms without printing is in ./forms, which the light commands import by itself.
export * from './forms';
export { renderForms, formHtml, embeddedData, type RenderedForm } from './render';
export { standaloneHtml } from '../report/assets';
export { signFile, signBytes, keygen } from './sign';
export { compareRuleSets, type CompareRun } from '../compare/run';
export { defaultCacheDir } from '../load/formCache';
export { compareText, compareCsv, compareCsvLine, compareHtml } from '../report/compareReport';
export { exportWorkbookFile, workbookActuals } from './workbook';
export { renderForm, launchPrinter } from './render';
export { SheetPrinter, SHEETS_PER_DOCUMENT } from './sheetPrinter';
export { batchIndexHtml, batchCsv, type BatchIndexRow } from '../report/batchIndex';
export { formFingerprint, sha256Hex } from './fingerprint';
export { BrowserGoneError, type FormPrinter } from '../pdf/printer';
export type { RelaunchingPrinter } from '../pdf/relaunchingPrinter';
export { scoreEdited, type EditedForm } from './liveForm';
export { editActuals, isEditableField, type FieldEdit } from '../load/actualsEdits';
export { beijingDateTime } from '../report/format';
