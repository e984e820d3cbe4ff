import type { ActualsFile } from '../schema/actuals';
import type { DefinitionsFile } from '../schema/definitions';
import type { FormResult } from '../scoring/result';

/** What a workbook is made from: the definitions, and an actuals file's values and last scores when there is one. */
export interface WorkbookSource {
  definitions: DefinitionsFile;
  /** The definitions file as the actuals file will name it (relative to the workbook's folder). */
  definitionsRef: string;
  definitionsSha256: string;
  /** The definitions' text, carried in a hidden sheet so the workbook works away from its YAML. */
  definitionsText: string;
  jixiaoVersion: string;
  /** When exporting an actuals file: its values fill the cells. */
  actuals?: ActualsFile;
  /** The last computed scores, for the 评分 sheet (values only, no formulas). */
  result?: FormResult;
  createdAt: Date;
}
