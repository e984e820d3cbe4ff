import type { Decimal } from '../domain/decimal';
import type { Band, Direction, ParsedDate, ParsedNumber, ParsedValue, SourceLocation } from '../domain/model';
import type { NumberComparison } from '../targets/compare';

/** One 三级指标 row with everything the scorer needs: definition, what the department filled, where each came from. */
export interface IndicatorInput {
  id: string;
  name: string;
  level1: string;
  /** The framework's name of the 一级 (the printed one may be a synonym), for the rules' `level1` fact. */
  level1Key?: string;
  level2: string;
  target: string;
  /** 方向 stated in the definitions: how a bare target is read, over any inference from the name. */
  direction?: Direction;
  /** null when 分值 is "/" (not applicable). */
  maxScore: Decimal | null;
  /** null when the department filled nothing. */
  actual: string | null;
  band?: Band;
  declaredScore?: Decimal;
  reason?: string;
  deviationReason?: string;
  improvement?: string;
  /** Where each value was read; undefined for a value read from no file (a form built in code). */
  locations: {
    definition?: SourceLocation | undefined;
    actual?: SourceLocation | undefined;
    declaredScore?: SourceLocation | undefined;
    /** The indicators map of the actuals file, for a row that is missing there. */
    actualsIndicators?: SourceLocation | undefined;
  };
}

export type ReadingNote = 'costCeiling' | 'directionFromName' | 'actualComparator' | 'lookalike';

export type Comparison = Extract<NumberComparison, { ok: true }>;

/** How a row's target and actual were understood: decides its kind and feeds the facts and the methods. */
export type RowReading =
  | {
      kind: 'quantitative';
      target: ParsedNumber;
      actual: ParsedNumber;
      comparison: Comparison;
      /**
       * How the row was read beyond its words: a bare amount on a cost row is a ceiling; a bare target whose
       * name says lower is better (投诉率) is read so; an actual wrote a comparator; look-alike characters.
       */
      notes?: ReadingNote[];
      /** The vocabulary word of the name that made a bare target lower-is-better (note directionFromName). */
      directionWord?: string;
    }
  | { kind: 'date'; target: ParsedDate; actual: ParsedDate; met: boolean; daysLate: number; onTimeWords?: boolean }
  | {
      kind: 'qualitative';
      target: ParsedValue;
      actual: ParsedValue;
      band: Band;
      /** stated: the band field; wording: read from the actual; sameAsTarget: the actual repeats the target; declared: the declared score's band. */
      bandSource: 'stated' | 'wording' | 'sameAsTarget' | 'declared';
    }
  | { kind: 'notApplicable'; target: ParsedValue; actual: ParsedValue };

/** The cells a result row prints as the form wrote them, whether it scored or is still pending. */
export function printedCells(
  input: IndicatorInput,
): Pick<IndicatorInput, 'id' | 'name' | 'level1' | 'level2' | 'target' | 'maxScore'> & { actual: string } {
  return {
    id: input.id,
    name: input.name,
    level1: input.level1,
    level2: input.level2,
    target: input.target,
    actual: input.actual ?? '',
    maxScore: input.maxScore,
  };
}
