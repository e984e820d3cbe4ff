import { JIXIAO_VERSION } from '../domain/version';
import { sha256Hex } from '../sign/embeddedData';
import type { ScoredForm } from './stages';

export { sha256Hex };

/**
 * What a printed form depends on, as one hash: its definitions and actuals, the resolved rule set, the jixiao
 * version and how it is printed. A batch re-run skips a form whose fingerprint and PDF are both unchanged.
 */
export function formFingerprint(scored: ScoredForm, printing: { explain: boolean }): string {
  const { result } = scored;
  return sha256Hex([result.inputs.sha256, result.ruleSet.sha256, JIXIAO_VERSION, printing.explain ? 'explain' : 'plain'].join('\n'));
}
