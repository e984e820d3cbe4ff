import { JIXIAO_VERSION } from '../domain/version';
import { readInput, resolveBeside } from '../load/files';
import { sha256Hex } from '../pdfdoc/embeddedData';
import type { ScoredForm } from './stages';

export { sha256Hex };

/**
 * What a form's fingerprint is made of besides how it prints: the hash of its two texts, the seal image they name
 * (its path; its bytes are read each time), and the hash of the resolved rule set. The form cache keeps these, so
 * a batch re-run tells an unchanged form without scoring it.
 */
export interface FingerprintParts {
  inputs: string;
  /** The seal image's path as resolved beside the actuals, or null for none. */
  seal: string | null;
  ruleSet: string;
}

export function fingerprintParts(scored: ScoredForm): FingerprintParts {
  const seal = scored.loaded.actuals.signOff?.seal;
  return {
    inputs: scored.result.inputs.sha256,
    seal: seal ? resolveBeside(scored.loaded.actualsDoc, seal) : null,
    ruleSet: scored.result.ruleSet.sha256,
  };
}

/** The seal image the actuals name travels in the PDF's embedded data: a new picture is a new PDF. */
function sealContent(file: string | null): string {
  if (file === null) return 'no seal';
  try {
    return sha256Hex(readInput(file, 'image'));
  } catch {
    // printing says what is wrong with it; here it only has to differ from any readable picture
    return 'seal unreadable';
  }
}

/** The fingerprint from its parts, the seal read now. */
export function fingerprintOfParts(parts: FingerprintParts, printing: { explain: boolean }): string {
  return sha256Hex(
    [parts.inputs, sealContent(parts.seal), parts.ruleSet, JIXIAO_VERSION, printing.explain ? 'explain' : 'plain'].join(
      '\n',
    ),
  );
}

/**
 * What a printed form depends on, as one hash: its definitions and actuals, the seal image they name, the resolved
 * rule set, the jixiao version and how it is printed. A batch re-run skips a form whose fingerprint and PDF are
 * both unchanged.
 */
export function formFingerprint(scored: ScoredForm, printing: { explain: boolean }): string {
  return fingerprintOfParts(fingerprintParts(scored), printing);
}
