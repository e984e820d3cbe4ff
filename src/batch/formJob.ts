import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnostic, InputError, sortByLocation, type Diagnostic } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { formatDiagnostic } from '../errors/message';
import {
  formFingerprint,
  renderForm,
  scoreFile,
  sha256Hex,
  BrowserGoneError,
  type FormPrinter,
  type PlanCache,
  type ScoredForm,
} from '../pipeline';
import type { BatchForm } from './inputs';
import type { JournalEntry } from './journal';

/** Where a batch writes. The CLI gives it (the only writer of outputs): each file whole or not at all. */
export interface BatchSink {
  /** Writes a file atomically (temporary name, then rename), creating its folder. */
  write(file: string, data: string | Uint8Array): void;
  /** Appends one line to a file (the journal). */
  append(file: string, line: string): void;
}

/** How a batch prints: where, with the scoring notes or not, and in which language its messages are. */
export interface PrintSettings {
  outDir: string;
  explain: boolean;
  lang: Lang;
}

/** What to do with one form: print it, skip it (unchanged since its last line in the journal), or record its failure. */
export type Plan = { kind: 'print'; scored: ScoredForm; fingerprint: string } | { kind: 'done'; entry: JournalEntry };

const now = (): string => new Date().toISOString();

/** The codes of what stopped a form or still needs a person, without repeats, in order. */
const codesOf = (diagnostics: Diagnostic[]): string[] => [...new Set(diagnostics.map((d) => d.code))];

/** The sha256 of a file's bytes, or null when it cannot be read (gone, a folder, unreadable). */
export function readHash(file: string): string | null {
  try {
    return sha256Hex(readFileSync(file));
  } catch {
    return null;
  }
}

/** A form that could not be printed, with the codes that say why. */
export function failedEntry(
  form: BatchForm,
  diagnostics: Diagnostic[],
  lang: Lang,
  inputSha256: string | null = readHash(form.file),
): JournalEntry {
  const problems = sortByLocation(diagnostics).map((d) => formatDiagnostic(d, lang));
  return {
    input: form.input,
    output: null,
    status: 'failed',
    title: null,
    department: null,
    total: null,
    grade: null,
    warnings: 0,
    codes: codesOf(diagnostics),
    problems,
    inputSha256,
    outputSha256: null,
    action: 'failed',
    at: now(),
  };
}

/**
 * Scores the form (cheap) and decides: skipped when the journal's last line for it has the same fingerprint and
 * its PDF is still there with the same hash; printed otherwise. A form with input errors is recorded as failed.
 * With a plan cache, a form whose files and rule set are unchanged since the last run gives its fingerprint without
 * being scored, and is scored only when it is to be printed.
 */
export async function planForm(
  form: BatchForm,
  journal: Map<string, JournalEntry>,
  how: PrintSettings,
  plans?: PlanCache,
): Promise<Plan> {
  const last = journal.get(form.input);
  const planned = plans?.open(form.file);
  const unchanged = (fingerprint: string): boolean =>
    last !== undefined &&
    last.status !== 'failed' &&
    last.inputSha256 === fingerprint &&
    last.output === form.output &&
    last.outputSha256 === readHash(path.join(how.outDir, form.output));
  const kept = last ? planned?.keptFingerprint(how) : null;
  if (last && kept && unchanged(kept)) return { kind: 'done', entry: { ...last, action: 'skipped', at: now() } };
  let scored: ScoredForm;
  try {
    scored = planned ? await planned.score() : await scoreFile(form.file, { quickRules: true });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind: 'done', entry: failedEntry(form, error.diagnostics, how.lang) };
  }
  const fingerprint = formFingerprint(scored, how);
  if (last && fingerprint !== kept && unchanged(fingerprint))
    return { kind: 'done', entry: { ...last, action: 'skipped', at: now() } };
  return { kind: 'print', scored, fingerprint };
}

/**
 * Prints one scored form and writes its PDF as soon as it is done. A draft prints (with its watermark) and is
 * recorded as a draft with its pending codes; a browser that died twice on the form is that form's failure.
 */
export async function printForm(
  form: BatchForm,
  scored: ScoredForm,
  fingerprint: string,
  how: PrintSettings,
  printer: FormPrinter,
  sink: BatchSink,
): Promise<JournalEntry> {
  const start = performance.now();
  let rendered;
  try {
    rendered = await renderForm(scored, how.explain, printer);
  } catch (error) {
    if (!(error instanceof BrowserGoneError)) throw error;
    return failedEntry(form, [diagnostic('BROWSER_CRASHED', { name: form.input })], how.lang, fingerprint);
  }
  if (!rendered.pdf) return failedEntry(form, rendered.problems ?? [], how.lang, fingerprint);
  sink.write(path.join(how.outDir, form.output), rendered.pdf);
  const { result } = scored;
  const status = scored.blank ? 'blank' : result.status;
  return {
    input: form.input,
    output: form.output,
    status,
    title: result.title,
    department: result.department,
    total: scored.blank ? null : result.total.toString(),
    grade: scored.blank ? null : result.gradeLabel,
    warnings: result.warnings.length + (rendered.warnings?.length ?? 0),
    codes: codesOf(status === 'draft' ? result.pending : []),
    inputSha256: fingerprint,
    outputSha256: sha256Hex(rendered.pdf),
    action: 'rendered',
    at: now(),
    ms: Math.round(performance.now() - start),
  };
}
