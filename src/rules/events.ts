import type { z } from 'zod';
import type { Scope } from './facts';

/**
 * What a rule's event may name, and with which options: declared by each scoring method, adjustment and
 * flag (like an ESLint rule's meta) and checked when a rule set loads, so `kap: 89` is refused at its line
 * instead of capping a total to 0.
 */
export interface EventSpec {
  id: string;
  /** Scopes of the rules that may use it: a budget rule cannot name a row's method. */
  scopes: readonly Scope[];
  /** The event's params other than `method` / `code`; strict, so an unknown key is an error. */
  options: z.ZodType;
}

export interface EventSpecs {
  score: Readonly<Record<string, EventSpec>>;
  adjust: Readonly<Record<string, EventSpec>>;
  flag: Readonly<Record<string, EventSpec>>;
}

/** The key that names the spec in an event's params. */
export const EVENT_NAME_KEY = { score: 'method', adjust: 'method', flag: 'code' } as const;
