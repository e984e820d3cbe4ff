import { JIXIAO_VERSION } from '../domain/version';
import { readInput, resolveBeside } from '../load/files';
import { sha256Hex } from '../pdfdoc/embeddedData';
import type { ScoredForm } from './stages';

export { sha256Hex };

/** The seal image the actuals name travels in the PDF's embedded data: a new picture is a new PDF. */
function sealContent(scored: ScoredForm): string {
  const seal = scored.loaded.actuals.signOff?.seal;
  if (!seal) return 'no seal';
  try {
    return sha256Hex(readInput(resolveBeside(scored.loaded.actualsDoc, seal), 'image'));
  } catch {
    // printing says what is wrong with it; here it only has to differ from any readable picture
    return 'seal unreadable';
  }
}

/**
 * What a printed form depends on, as one hash: its definitions and actuals, the seal image they name, the resolved
 * rule set, the jixiao version and how it is printed. A batch re-run skips a form whose fingerprint and PDF are
 * both unchanged.
 */
export function formFingerprint(scored: ScoredForm, printing: { explain: boolean }): string {
  const { result } = scored;
  return sha256Hex(
    [
      result.inputs.sha256,
      sealContent(scored),
      result.ruleSet.sha256,
      JIXIAO_VERSION,
      printing.explain ? 'explain' : 'plain',
    ].join('\n'),
  );
}
