import type { TextRef } from '../../errors/texts';
import { z } from 'zod';
import type { Decimal } from '../../domain/decimal';
import type { IndicatorKind } from '../../domain/model';
import type { Diagnostic } from '../../errors/diagnostic';
import type { RuleSetParameters } from '../../rules/ruleSet';
import type { IndicatorInput, RowReading } from '../reading';

export interface MethodContext {
  input: IndicatorInput;
  reading: RowReading;
  maxScore: Decimal;
  parameters: RuleSetParameters;
}

/** A stored score (already rounded by the one rule) and its 计算过程; or the input problem that prevents it. */
export type MethodResult = { score: Decimal; explanation: TextRef } | { problem: Diagnostic };

/**
 * A scoring method: pure, named by a rule's event, reviewed and tested here in TypeScript.
 * A rule set chooses which method applies; it never holds a formula.
 */
export interface ScoringMethod<Options extends z.ZodType = z.ZodType> {
  meta: {
    /** Its name and what it does are the catalog's `method.<id>` and `method.<id>.description` (every method has both). */
    id: string;
    /** Row kinds it can score; lint reports a rule that sends another kind to it. */
    appliesTo: readonly IndicatorKind[];
    /** The options a rule's event may give it (strict: an unknown key is an error at the rule's line). */
    options: Options;
  };
  /** Scores a row; the options are the event's, checked against `meta.options` when the rule set loaded. */
  compute(context: MethodContext, options: z.output<Options>): MethodResult;
}

/** A method that takes no options: any key in the event besides `method` is a mistake. */
export const NO_OPTIONS = z.strictObject({});
