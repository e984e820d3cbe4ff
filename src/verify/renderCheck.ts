import { JIXIAO_VERSION } from '../domain/version';
import { inputError } from '../errors/diagnostic';
import { textRef, type TextRef } from '../errors/texts';
import type { EmbeddedData } from '../pdfdoc/embeddedData';
import { pageDifference, rasterizePages, type GreyPage } from '../pdfdoc/rasterize';
import { launchPrinter, renderForm } from '../pipeline/render';
import type { ScoredForm } from '../pipeline/stages';

/** The browser the check prints with. */
export type Printer = ReturnType<typeof launchPrinter>;

/** Resolution of the comparison: a score's digits are a dozen pixels high, a table line one. */
const DPI = 72;
/**
 * How many pixels of one 16×16 tile may differ before the page shows something else there. The same jixiao and
 * Chromium print the same pixels; a digit drawn over the table changes fifty or more in a tile.
 */
const TILE_TOLERANCE = 12;

/**
 * `verify --render`: the form printed again from its embedded data, by this jixiao and Chromium, and each page
 * as a reader sees it (pdftoppm, without the signatures' faces) held against the signed one. Whatever was drawn
 * on a page besides the form — a picture, outlines of other digits over the table, a white box — shows as pixels
 * that differ, whatever the text layer says. Slower (a browser is started), so it is asked for, not the default.
 */
export async function renderedAgainstSigned(
  signed: Uint8Array,
  embedded: EmbeddedData,
  /** The embedded inputs as verify scored them again. */
  scored: ScoredForm,
  /** A browser already running (one for a whole folder); else one is started and closed here. */
  running?: Printer,
): Promise<TextRef[]> {
  const pages = rasterizePages(signed, DPI);
  if (!pages) throw inputError('RENDER_CHECK_UNAVAILABLE', { program: 'pdftoppm' });
  const printer = running ?? launchPrinter({});
  let again: GreyPage[] = [];
  try {
    // the form was printed with or without its 评分说明 pages: the printing with as many pages is the one to compare
    for (const explain of [false, true]) {
      const printed = (await renderForm(scored, explain, printer)).pdf;
      again = printed ? (rasterizePages(printed, DPI) ?? []) : [];
      if (again.length === pages.length) break;
    }
  } finally {
    if (!running) await printer.close();
  }
  // a form printed by another version may differ for that reason alone: the reader is told
  const note: TextRef | string =
    embedded.jixiaoVersion === JIXIAO_VERSION
      ? ''
      : textRef('verify.render.version', { version: embedded.jixiaoVersion });
  if (again.length !== pages.length)
    return [textRef('verify.render.pages', { signed: pages.length, printed: again.length, note })];
  const findings: TextRef[] = [];
  pages.forEach((page, i) => {
    const other = again[i];
    const difference = other ? pageDifference(page, other) : { share: 1, worstTile: Infinity };
    if (difference.worstTile > TILE_TOLERANCE)
      findings.push(
        textRef('verify.render.differs', { page: i + 1, share: (difference.share * 100).toFixed(3), note }),
      );
  });
  return findings;
}
