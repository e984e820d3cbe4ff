import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { SCHEMAS_DIR } from '../domain/paths';
import { JIXIAO_VERSION } from '../domain/version';
import { InputError, inputError } from '../errors/diagnostic';
import { actualsTemplate } from '../load/actualsTemplate';
import { writeFilledActuals } from '../load/actualsWriter';
import { readInput, readSource, sha256 } from '../load/files';
import { loadDefinitions, loadDefinitionsDocument, loadForm, type LoadOptions } from '../load/loadForm';
import { SHEET_DEFINITIONS } from '../workbook/embeddedDefinitions';
import { compiled } from '../load/ruleSets';
import type { FormResult } from '../scoring/result';
import { scoreForm } from '../scoring/scoreForm';
import { parseYaml, type SourceDocument } from '../source/yamlSource';
import { validateDocument } from '../source/validate';
import { actualsSchema, type ActualsFile } from '../schema/actuals';
import { exportWorkbook } from '../workbook/exportWorkbook';
import { openWorkbook, type OpenedWorkbook } from '../workbook/importWorkbook';

const relativeRef = (fromDir: string, file: string): string => {
  const relative = path.relative(fromDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
};

/** True for a file that names its definitions (an actuals file); otherwise it is a definitions file. */
function isActualsFile(file: string): boolean {
  const data = readSource(file).data as { definitions?: unknown } | undefined;
  return typeof data?.definitions === 'string';
}

/**
 * `jixiao export`: the workbook of a definitions file (blank to fill) or of an actuals file (its values, and
 * on the 评分 sheet the scores computed now when the form scores).
 */
export async function exportWorkbookFile(
  input: string,
  output: string,
  options: LoadOptions = {},
): Promise<{ workbook: Buffer; scored: boolean }> {
  let definitionsPath = input;
  let actuals: ActualsFile | undefined;
  let result: FormResult | undefined;
  if (isActualsFile(input)) {
    const data = readSource(input).data as { definitions: string };
    definitionsPath = path.join(path.dirname(input), data.definitions);
    try {
      const loaded = loadForm(input, options);
      actuals = loaded.actuals;
      result = await scoreForm(loaded.input, compiled(loaded.ruleSet));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // a half-filled file exports with what it has (if it is well-formed); the 评分 sheet waits until it scores
      const { value } = validateDocument(readSource(input), actualsSchema);
      if (!value) throw error;
      actuals = value;
    }
  }
  const { doc, definitions } = loadDefinitions(definitionsPath, options);
  const workbook = await exportWorkbook({
    definitions,
    definitionsRef: relativeRef(path.dirname(path.resolve(output)), path.resolve(definitionsPath)),
    definitionsSha256: sha256(doc.text),
    definitionsText: doc.text,
    jixiaoVersion: JIXIAO_VERSION,
    ...(actuals ? { actuals } : {}),
    ...(result ? { result } : {}),
    createdAt: new Date(),
  });
  return { workbook, scored: result !== undefined };
}

export interface WorkbookActuals {
  /** The actuals YAML the workbook's cells make (merged into `base` when given). */
  text: string;
  /** That YAML as a document whose locations are the workbook's cells. */
  doc: SourceDocument;
  definitionsPath: string;
  /** True when the cells were merged into an actuals file that was already there. */
  updated: boolean;
  /** The definitions the workbook carries, when their file is not beside it (e-mailed alone): for the loader, and for import to write. */
  carried?: { doc: SourceDocument; text: string };
}

/**
 * The actuals file an import merges into: only a regular file, read under the YAML size limit. A device named as
 * the output (/dev/full, /dev/zero) or a pipe is written to, never read: it would read forever.
 */
function existingActuals(output: string | undefined): string | undefined {
  if (output === undefined || output === '-') return undefined;
  let regular: boolean;
  try {
    regular = statSync(output).isFile();
  } catch {
    return undefined;
  }
  return regular ? readInput(output, 'yaml').toString('utf8') : undefined;
}

/**
 * Reads a filled workbook into actuals YAML: into an existing actuals file's text (comments and order kept) or
 * into the `init` skeleton. A workbook made from other definitions is refused unless `force`.
 */
export async function workbookActuals(
  xlsx: string,
  options: { force?: boolean; output?: string } = {},
): Promise<WorkbookActuals> {
  const existingText = existingActuals(options.output);
  const opened = await openWorkbook(readInput(xlsx, 'xlsx'), xlsx);
  const named = path.join(path.dirname(xlsx), opened.meta.definitionsRef);
  const {
    definitionsDoc,
    definitions,
    carried,
    definitionsPath: found,
  } = definitionsOf(opened, xlsx, named, options.force === true);
  const read = opened.read(definitions);
  const outputFile =
    options.output && options.output !== '-' ? options.output : xlsx.replace(/\.xlsx$/i, '.actuals.yaml');
  // the carried definitions go beside the new actuals file, under their own name, and the actuals file names them there
  const definitionsPath = carried
    ? path.join(path.dirname(outputFile), path.basename(opened.meta.definitionsRef))
    : found;
  const base =
    existingText ??
    actualsTemplate(definitions, definitionsPath, outputFile, path.join(SCHEMAS_DIR, 'actuals.schema.json'));
  const text = writeFilledActuals(base, read.filled);
  // scored straight from the workbook, every message points at the cell it came from
  const yamlDoc = parseYaml(text, xlsx);
  const doc: SourceDocument = {
    ...yamlDoc,
    locate: (dataPath, locateOptions) => read.cells.get(dataPath.join('.')) ?? yamlDoc.locate(dataPath, locateOptions),
    diagnostics: [...yamlDoc.diagnostics, ...read.notes],
  };
  return {
    text,
    doc,
    definitionsPath,
    updated: existingText !== undefined,
    ...(carried ? { carried: { doc: definitionsDoc, text: definitionsDoc.text } } : {}),
  };
}

/**
 * The definitions a workbook was made from: the file it names when that file is there (and unchanged, unless
 * forced); otherwise the copy the workbook carries, if it is byte for byte what was exported.
 */
function definitionsOf(opened: OpenedWorkbook, xlsx: string, named: string, force: boolean) {
  const meta = opened.meta;
  // where the workbook says they were, else beside it under their own name (where an earlier import wrote them)
  const definitionsPath =
    [named, path.join(path.dirname(xlsx), path.basename(named))].find((p) => existsSync(p)) ?? named;
  if (!existsSync(definitionsPath) && opened.definitionsText !== null) {
    if (sha256(opened.definitionsText) !== meta.definitionsSha256)
      throw inputError(
        'WORKBOOK_DEFINITIONS_DAMAGED',
        { path: xlsx },
        { file: xlsx, line: 0, column: 0, cell: `${SHEET_DEFINITIONS}!A1` },
      );
    // messages about the carried definitions point into the workbook, where they are
    const { doc, definitions } = loadDefinitionsDocument(
      parseYaml(opened.definitionsText, `${xlsx}!${SHEET_DEFINITIONS}`),
    );
    return { definitionsDoc: doc, definitions, carried: true, definitionsPath };
  }
  const { doc: definitionsDoc, definitions } = loadDefinitions(definitionsPath);
  const now = sha256(definitionsDoc.text);
  if (now !== meta.definitionsSha256 && !force) {
    throw inputError(
      'DEFINITIONS_CHANGED',
      { path: definitionsPath, was: meta.definitionsSha256.slice(0, 12), now: now.slice(0, 12) },
      { file: xlsx, line: 0, column: 0, cell: 'jixiao!B4' },
    );
  }
  return { definitionsDoc, definitions, carried: false, definitionsPath };
}
