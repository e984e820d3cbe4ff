import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../domain/paths';
import type { ParsedNumber } from '../domain/model';

/** The vocabulary of names that are lower-is-better, as data (indicators/vocabulary/directions.yaml). */
const DIRECTION_WORDS_FILE = path.join(PACKAGE_ROOT, 'indicators', 'vocabulary', 'directions.yaml');

const vocabularySchema = z.strictObject({
  lowerIsBetter: z.array(z.string().min(1)).min(1),
  lowerIsBetterWhenSpending: z.array(
    z.strictObject({
      ending: z.string().min(1),
      nameContains: z.array(z.string().min(1)).min(1),
      targetAtMostPercent: z.number().positive(),
    }),
  ),
});

export type DirectionWords = z.output<typeof vocabularySchema>;

let words: DirectionWords | undefined;

/** The vocabulary, read once per process; a broken file is a fault of the installation, so it throws. */
export function directionWords(): DirectionWords {
  words ??= vocabularySchema.parse(parse(readFileSync(DIRECTION_WORDS_FILE, 'utf8')));
  return words;
}

/** A name as its head noun ends: without trailing brackets (（%）, (万元)), units and spaces. */
export function nameEnding(name: string): string {
  let rest = name.normalize('NFKC').replace(/\s+/g, '');
  for (;;) {
    const trimmed = rest.replace(/\([^()]*\)$/, '').replace(/[%‰]$/, '');
    if (trimmed === rest) return rest;
    rest = trimmed;
  }
}

/**
 * The word of the vocabulary that makes a bare target lower-is-better, or null: the name ends with it; for a rate
 * of spending (公用经费控制率) the name also names what is spent and the target is a percentage within the limit.
 */
export function lowerIsBetterWord(
  name: string,
  target: ParsedNumber,
  vocabulary: DirectionWords = directionWords(),
): string | null {
  const ending = nameEnding(name);
  const word = vocabulary.lowerIsBetter.find((w) => ending.endsWith(w));
  if (word) return word;
  const spending = vocabulary.lowerIsBetterWhenSpending.find(
    (s) =>
      ending.endsWith(s.ending) &&
      s.nameContains.some((w) => ending.includes(w)) &&
      target.unit === '%' &&
      target.value.lessThanOrEqualTo(s.targetAtMostPercent),
  );
  return spending ? spending.ending : null;
}
