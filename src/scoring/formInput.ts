import type { Decimal } from '../domain/decimal';
import type { FormHeader, SourceLocation } from '../domain/model';
import type { Diagnostic } from '../errors/diagnostic';
import type { BudgetInput } from './budget';
import type { IndicatorInput } from './reading';

/** Everything needed to score one form, already validated and located. */
export interface FormInput {
  form: 'project' | 'department';
  title: string;
  fiscalYear: number;
  department: string;
  header: FormHeader;
  budget: BudgetInput;
  indicators: IndicatorInput[];
  /** The level tree; `key` is the framework's name for a level printed under another (效果指标 → 效益指标). */
  levels: {
    name: string;
    key?: string;
    declaredWeight: Decimal | null;
    location?: SourceLocation | undefined;
    groups: { name: string; ids: string[] }[];
  }[];
  declared: {
    total: Decimal | null;
    grade: string | null;
    maxTotal: Decimal | null;
  } & Partial<Record<'totalLocation' | 'maxTotalLocation' | 'gradeLocation', SourceLocation | undefined>>;
  /** Stamped by the loader, copied into the result: the inputs' hashes and the jixiao that read them (scoring computes neither). */
  stamps: { inputs: { definitionsSha256: string; actualsSha256: string; sha256: string }; jixiaoVersion: string };
  /** Warnings and notes from reading the files (an encoding, say), reported with the scored form. */
  readingNotes?: Diagnostic[];
}
