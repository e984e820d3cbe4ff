import { FormCache, type CacheCounts } from '../load/formCache';
import type { CachedForm } from '../load/cachedForm';
import { keptRuleSetOf, sameRuleSet, type KeptRuleSet } from '../load/keptRuleSet';
import { fingerprintOfParts, fingerprintParts, type FingerprintParts } from './fingerprint';
import { scoreFile, type ScoredForm } from './stages';

// A batch re-run over a year of forms scores each form only to learn its fingerprint, and skips it when the journal
// has the same one: a hundred thousand scorings to print the few forms that changed. The form cache keeps what a
// fingerprint is made of beside the form's files, so an unchanged form is told without scoring it.

/** What the cache keeps of a form for planning: its fingerprint's parts, and the rule set to check they still hold. */
interface KeptPlan {
  parts: FingerprintParts;
  ruleSet: KeptRuleSet;
}
const KEPT_PLAN = 'batch-fingerprint';

/** One form as a batch plans it. */
export interface PlannedForm {
  /** Its fingerprint as kept, while its files and rule set are unchanged (the seal image is read now); else null. */
  keptFingerprint(printing: { explain: boolean }): string | null;
  /** Scores it as a batch does (the fast evaluator) and keeps its fingerprint's parts for the next run. Throws as scoreFile does. */
  score(): Promise<ScoredForm>;
}

/** Plans forms with a form cache of this process's own; `close()` writes what it kept. */
export class PlanCache {
  private readonly cache: FormCache;

  constructor(dir: string) {
    this.cache = new FormCache(dir, null);
  }

  open(file: string): PlannedForm {
    let form: CachedForm | undefined;
    try {
      // a workbook, or a file that cannot be read (scoring says why), is planned without the cache
      if (/\.ya?ml$/i.test(file)) form = this.cache.open(file);
    } catch {
      form = undefined;
    }
    return {
      keptFingerprint: (printing) => {
        const kept = form?.derived<KeptPlan>(KEPT_PLAN, (value) => sameRuleSet(value.ruleSet));
        return kept ? fingerprintOfParts(kept.parts, printing) : null;
      },
      score: async () => {
        const scored = await scoreFile(file, { quickRules: true });
        form?.readElsewhere(scored.loaded);
        // a blank form (a definitions file printed for filling by hand) is scored each time: it is cheap
        if (form && !scored.blank)
          form.keep(KEPT_PLAN, {
            parts: fingerprintParts(scored),
            ruleSet: keptRuleSetOf(scored.loaded),
          } satisfies KeptPlan);
        return scored;
      },
    };
  }

  get counts(): CacheCounts {
    return this.cache.counts;
  }

  close(): void {
    this.cache.close();
  }
}
