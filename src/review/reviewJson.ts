import * as path from 'node:path';
import { z } from 'zod';
import { JIXIAO_VERSION } from '../domain/version';
import { diagnostic, InputError } from '../errors/diagnostic';
import { readInput } from '../load/files';
import type { RankedForm, ReviewRun } from './run';

export const REVIEW_FORMAT = 'jixiao-review/1';

/**
 * review.json: the whole run for other systems — one entry per form under `forms` with its input path, department,
 * project, status, roles signed, risk score, rank, findings and whether it was sampled, and its rows as re-scored.
 */
export function* reviewJsonChunks(run: ReviewRun): Generator<string> {
  const opening = JSON.stringify(headOf(run), null, 1);
  // the head's closing brace gives way to the forms, one line each, written as they are made
  yield `${opening.slice(0, -2)},\n "forms": [\n`;
  for (const [i, f] of run.forms.entries()) yield `${i > 0 ? ',\n' : ''}  ${JSON.stringify(formEntryOf(f))}`;
  yield '\n ]\n}\n';
}

function headOf(run: ReviewRun): Record<string, unknown> {
  return {
    format: REVIEW_FORMAT,
    jixiaoVersion: JIXIAO_VERSION,
    createdAt: run.createdAt,
    ruleSet: run.ruleSet,
    sample: run.sample,
    previousForms: run.previousForms,
    totals: run.totals,
    departments: run.departments,
  };
}

function formEntryOf(f: RankedForm): Record<string, unknown> {
  return {
    input: f.key,
    file: path.resolve(f.file),
    source: f.source,
    department: f.department,
    project: f.project,
    title: f.title,
    fiscalYear: f.fiscalYear,
    status: f.status,
    problems: f.problems,
    ruleSet: f.ruleSet,
    rolesSigned: f.signatures?.signed ?? null,
    rolesRequired: f.signatures?.required ?? null,
    verified: f.signatures?.verified ?? null,
    verdict: f.signatures?.verdict ?? null,
    budget: f.budget,
    total: f.total,
    grade: f.grade,
    gradeLabel: f.gradeLabel,
    declaredTotal: f.declaredTotal,
    riskScore: f.risk,
    rank: f.rank,
    sampled: f.sampled,
    findings: f.findings,
    rows: f.rows,
  };
}

const formEntry = z.object({
  input: z.string(),
  file: z.string(),
  source: z.enum(['yaml', 'xlsx', 'pdf']),
  department: z.string(),
  project: z.string(),
  total: z.string().nullable(),
  grade: z.string().nullable(),
  sampled: z.boolean(),
});
const reviewJsonSchema = z.object({ format: z.literal(REVIEW_FORMAT), forms: z.array(formEntry) });

export type ReviewedFormEntry = z.infer<typeof formEntry>;

/** The forms of a review folder's review.json: what `review import` re-scores. */
export function readReviewJson(file: string): ReviewedFormEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readInput(file, 'json').toString('utf8'));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([diagnostic('REVIEW_JSON_DAMAGED', { path: file, detail: (error as Error).message })]);
  }
  const parsed = reviewJsonSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError([
      diagnostic('REVIEW_JSON_DAMAGED', { path: file, detail: parsed.error.issues[0]?.message ?? '' }),
    ]);
  return parsed.data.forms;
}
