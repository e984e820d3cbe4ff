import { diagnostic, InputError } from '../errors/diagnostic';
import type { Lang } from '../errors/lang';
import { readInput } from '../load/files';
import { loadPdf, readEmbeddedData } from '../pdfdoc/pdfRead';
import { scoreFile, scoreTexts } from '../pipeline/stages';
import { loadForm, type NamedText } from '../load/loadForm';
import { compiled } from '../load/ruleSets';
import { keptRuleSetOf, sameRuleSet, type KeptRuleSet } from '../load/keptRuleSet';
import { FormCache, type CacheCounts } from '../load/formCache';
import { scoreForm } from '../scoring/scoreForm';
import { summaryCells, summaryRow } from '../report/verifySummary';
import { verifyPdf } from '../verify/verifyPdf';
import { failedForm, reviewFormOf, type FormOrigin } from './fromScored';
import type { ReviewForm, ReviewSignatures } from './model';

/** How the forms of a year are read: the roots a signed PDF must chain to. */
export interface ReadOptions {
  trust: readonly string[];
  /** Keep each YAML form's review in this folder and read unchanged forms back from it (see FormCache). */
  cacheDir?: string;
}

/** The language of everything the review writes into its files. */
const FILES_LANG: Lang = 'zh';

export const sourceOf = (file: string): ReviewForm['source'] =>
  /\.pdf$/i.test(file) ? 'pdf' : /\.xlsx$/i.test(file) ? 'xlsx' : 'yaml';

/**
 * A signed PDF: verified (signatures, roles, the embedded data re-scored), then its embedded inputs scored as any
 * form is. Its verdict travels with it; a PDF whose data cannot be read is a failed form.
 */
async function readPdf(origin: FormOrigin, options: ReadOptions): Promise<ReviewForm> {
  const report = await verifyPdf(origin.file, { trust: options.trust });
  // the verdict goes into the review's files, which are Chinese working papers (复核底稿) whatever --lang says
  const row = summaryRow(report, FILES_LANG);
  const signatures: ReviewSignatures = {
    signed: report.roles.signed.length,
    required: report.roles.required.length,
    verified: options.trust.length > 0 ? report.ok : report.intact ? null : false,
    intact: report.intact,
    verdict: summaryCells(row, FILES_LANG).at(-1) ?? '',
  };
  return reviewFormOf(await scoreTexts(await embeddedTexts(origin.file)), origin, signatures);
}

/** The three texts a signed form embeds (definitions, actuals, its resolved rule set), to score as any form is. */
export async function embeddedTexts(
  file: string,
): Promise<{ definitions: NamedText; actuals: NamedText; ruleSet: NamedText }> {
  const doc = await loadPdf(readInput(file, 'pdf'), file);
  const { inputs } = readEmbeddedData(doc, file).data;
  const named = (input: { name: string; text: string }): NamedText => ({ name: input.name, text: input.text });
  return { definitions: named(inputs.definitions), actuals: named(inputs.actuals), ruleSet: named(inputs.ruleSet) };
}

/** What the form cache keeps of a YAML form's review: the form as read (but where this run found it), and its rule set. */
interface KeptReview {
  ruleSet: KeptRuleSet;
  form: Omit<ReviewForm, 'key' | 'file' | 'source'>;
}
const KEPT_REVIEW = 'review-form';

/**
 * A YAML form read once and scored with the fast evaluator, as compare does (scoreFile reads it twice to tell a blank
 * definitions file from a form, and looks for unprintable characters: neither matters here). With a cache, a form
 * whose files and rule set are unchanged is read back whole.
 */
async function readYaml(origin: FormOrigin, cache: FormCache | undefined): Promise<ReviewForm> {
  const form = cache?.open(origin.file);
  const kept = form?.derived<KeptReview>(KEPT_REVIEW, (value) => sameRuleSet(value.ruleSet));
  if (kept) return { ...origin, ...kept.form };
  const loaded = form ? form.loaded() : loadForm(origin.file);
  const review = reviewFormOf(
    { loaded, result: await scoreForm(loaded.input, compiled(loaded.ruleSet).quick()) },
    origin,
    null,
  );
  if (form) {
    const { key: _key, file: _file, source: _source, ...read } = review;
    form.keep(KEPT_REVIEW, { ruleSet: keptRuleSetOf(loaded), form: read } satisfies KeptReview);
  }
  return review;
}

/** One form of the year, whatever it was handed in as; bad input is the form's failure, never the run's. */
export async function readReviewForm(origin: FormOrigin, options: ReadOptions, cache?: FormCache): Promise<ReviewForm> {
  try {
    if (origin.source === 'pdf') return await readPdf(origin, options);
    if (origin.source === 'xlsx') return reviewFormOf(await scoreFile(origin.file, { quickRules: true }), origin, null);
    return await readYaml(origin, cache);
  } catch (error) {
    if (error instanceof InputError) return failedForm(origin, error.diagnostics);
    // a damaged PDF can trip the PDF library anywhere: that file's failure, said with the library's reason
    if (origin.source !== 'pdf') throw error;
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return failedForm(origin, [diagnostic('PDF_UNREADABLE', { path: origin.file, detail })]);
  }
}

/**
 * Reads forms one by one and hands each on; with a cache folder, through a form cache of this thread's own (each
 * thread writes its own pack). Returns what the cache did.
 */
export async function readForms(
  origins: Iterable<readonly [number, FormOrigin]>,
  options: ReadOptions,
  got: (index: number, form: ReviewForm) => void,
): Promise<CacheCounts | null> {
  const cache = options.cacheDir ? new FormCache(options.cacheDir, null) : undefined;
  try {
    for (const [index, origin] of origins) got(index, await readReviewForm(origin, options, cache));
  } finally {
    // the run's new entries are written as one pack, whole or not at all
    cache?.close();
  }
  return cache ? cache.counts : null;
}
