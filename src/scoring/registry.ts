import { z } from 'zod';
import type { EventSpec, EventSpecs } from '../rules/events';
import type { Scope } from '../rules/facts';
import { ADJUST_METHODS } from './adjustments';
import { INDICATOR_METHODS } from './methods';
import { BUDGET_METHODS } from './methods/budgetExecution';
import { REASON_KINDS } from './flags';

/** Flags a rule's event may raise, with the scopes and options each takes; the scorer raises the others itself. */
const FLAG_SPECS: Record<string, { scopes: Scope[]; options: z.ZodType }> = {
  OVER_ACHIEVEMENT: { scopes: ['indicator'], options: z.strictObject({}) },
  REASON_REQUIRED: { scopes: ['indicator', 'budget'], options: z.strictObject({ because: z.enum(REASON_KINDS) }) },
  LOW_EXECUTION_RATE: { scopes: ['budget'], options: z.strictObject({}) },
  EXECUTED_ABOVE_BUDGET: { scopes: ['budget'], options: z.strictObject({}) },
  NOT_MEASURABLE: { scopes: ['indicator'], options: z.strictObject({}) },
};

function specs<T>(
  table: Record<string, T>,
  scopes: (entry: T) => readonly Scope[],
  options: (entry: T) => z.ZodType,
): Record<string, EventSpec> {
  return Object.fromEntries(
    Object.entries(table).map(([id, entry]) => [id, { id, scopes: scopes(entry), options: options(entry) }]),
  );
}

/**
 * The one registry of what rule events may name: every scoring method (rows and budget), adjustment and flag,
 * with its scope and options schema. Rule sets are checked against it when they load and by `jixiao lint`.
 */
export const EVENT_SPECS: EventSpecs = {
  score: {
    ...specs(
      INDICATOR_METHODS,
      () => ['indicator'],
      (m) => m.meta.options,
    ),
    ...specs(
      BUDGET_METHODS,
      () => ['budget'],
      (m) => m.meta.options,
    ),
  },
  adjust: specs(
    ADJUST_METHODS,
    (m) => [m.meta.scope],
    (m) => m.meta.options,
  ),
  flag: specs(
    FLAG_SPECS,
    (f) => f.scopes,
    (f) => f.options,
  ),
};
