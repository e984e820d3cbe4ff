import { dec, plain } from '../domain/decimal';
import { GRADE_LABEL } from '../domain/glossary';
import { REVIEW_WORDS, WORKSHEET_COLUMNS } from '../domain/reviewWording';
import { diagnostic, InputError, type Diagnostic } from '../errors/diagnostic';
import { editActuals, type FieldEdit } from '../load/actualsEdits';
import type { NamedText } from '../load/loadForm';
import { scoreFile, scoreTexts, type ScoredForm } from '../pipeline/stages';
import type { FormResult } from '../scoring/result';
import { readWorksheet, type ReadEntry } from './importWorksheet';
import { embeddedTexts } from './readForm';
import { readReviewJson, type ReviewedFormEntry } from './reviewJson';

/** One form re-scored with the reviewer's entries: 自评 against 复核, per row and in total. */
export interface ReviewedForm {
  input: string;
  department: string;
  project: string;
  selfTotal: string;
  selfGrade: string | null;
  reviewTotal: string;
  reviewGrade: string | null;
  status: 'complete' | 'draft';
  /** (自评总分 − 复核总分) ÷ 复核总分; null when the 复核 total is 0. */
  deviation: string | null;
  rows: {
    id: string;
    name: string;
    maxScore: string;
    selfScore: string;
    reviewScore: string;
    /** (自评得分 − 复核得分) ÷ 分值. */
    deviation: string | null;
    reviewActual: string;
    note: string;
  }[];
}

type FormTexts = { definitions: NamedText; actuals: NamedText; ruleSet: NamedText };

/**
 * The three texts a form scores from, whatever it was handed in as (a signed PDF's are embedded), and the form as
 * they score now: the self-evaluation the reviewer's values are compared with (a file is read and scored once).
 */
async function formTexts(entry: ReviewedFormEntry): Promise<{ texts: FormTexts; self: ScoredForm }> {
  if (entry.source === 'pdf') {
    const texts = await embeddedTexts(entry.file);
    return { texts, self: await scoreTexts(texts) };
  }
  const self = await scoreFile(entry.file);
  const { loaded } = self;
  const texts = {
    definitions: { name: loaded.definitionsDoc.file, text: loaded.definitionsDoc.text },
    actuals: { name: loaded.actualsDoc.file, text: loaded.actualsDoc.text },
    ruleSet: { name: loaded.ruleSet.path, text: loaded.ruleSet.text },
  };
  return { texts, self };
}

/** The reviewer's entries as edits of the actuals: 复核完成值 replaces the actual, 复核得分 is a score with its reason. */
function editsOf(entries: readonly ReadEntry[]): FieldEdit[] {
  return entries.flatMap((e) => {
    const at = (field: string): string[] => ['indicators', e.id, field];
    const edits: FieldEdit[] = [];
    if (e.reviewActual !== undefined) edits.push({ path: at('actual'), value: e.reviewActual });
    if (e.reviewScore !== undefined)
      edits.push(
        { path: at('declaredScore'), value: e.reviewScore },
        { path: at('reason'), value: e.note ?? REVIEW_WORDS.reviewerScore },
      );
    else if (e.reviewActual !== undefined)
      edits.push({ path: at('declaredScore'), value: '' }, { path: at('reason'), value: '' });
    return edits;
  });
}

const gradeOf = (r: FormResult): string | null => r.gradeLabel ?? (r.grade ? GRADE_LABEL[r.grade] : null);
const ratio = (a: string, b: string, by: string): string | null =>
  dec(by).isZero() ? null : plain(dec(a).minus(dec(b)).dividedBy(dec(by)));

function compared(entry: ReviewedFormEntry, self: ScoredForm, review: ScoredForm, entries: ReadEntry[]): ReviewedForm {
  const reviewed = new Map(review.result.indicators.map((r) => [r.id, r]));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows = self.result.indicators.flatMap((r) => {
    const after = reviewed.get(r.id);
    if (r.maxScore === null || !after) return [];
    const e = byId.get(r.id);
    const [selfScore, reviewScore] = [plain(r.finalScore), plain(after.finalScore)];
    return [
      {
        id: r.id,
        name: r.name,
        maxScore: plain(r.maxScore),
        selfScore,
        reviewScore,
        deviation: ratio(selfScore, reviewScore, plain(r.maxScore)),
        reviewActual: e?.reviewActual ?? '',
        note: e?.note ?? '',
      },
    ];
  });
  const [selfTotal, reviewTotal] = [plain(self.result.total), plain(review.result.total)];
  return {
    input: entry.input,
    department: entry.department,
    project: entry.project,
    selfTotal,
    selfGrade: gradeOf(self.result),
    reviewTotal,
    reviewGrade: gradeOf(review.result),
    status: review.result.status,
    deviation: ratio(selfTotal, reviewTotal, reviewTotal),
    rows,
  };
}

/**
 * `review import`: the filled 复核底稿 read back, each sampled form scored again under its own rule set with the
 * reviewer's values, and compared with the self-evaluation (偏离度 per row and per form). Every problem — a cell,
 * a form or an indicator the review does not know — is reported together, and nothing is returned.
 */
export async function importReview(xlsx: string, reviewJsonFile: string): Promise<ReviewedForm[]> {
  const forms = readReviewJson(reviewJsonFile);
  const entries = await readWorksheet(xlsx);
  const problems: Diagnostic[] = [];
  const byForm = new Map<string, ReadEntry[]>();
  const known = new Map(forms.map((f) => [f.input, f]));
  for (const e of entries.values()) {
    if (!known.has(e.form))
      problems.push(diagnostic('REVIEW_UNKNOWN_FORM', { form: e.form }, e.where(WORKSHEET_COLUMNS.form)));
    else byForm.set(e.form, [...(byForm.get(e.form) ?? []), e]);
  }
  const out: ReviewedForm[] = [];
  for (const entry of forms.filter((f) => f.sampled || byForm.has(f.input))) {
    const mine = byForm.get(entry.input) ?? [];
    const { texts, self } = await formTexts(entry);
    const ids = new Set(self.result.indicators.map((r) => r.id));
    const unknown = mine.filter((e) => !ids.has(e.id));
    for (const e of unknown)
      problems.push(diagnostic('REVIEW_UNKNOWN_INDICATOR', { form: e.form, id: e.id }, e.where(WORKSHEET_COLUMNS.id)));
    if (unknown.length > 0) continue;
    const edited = { ...texts, actuals: { ...texts.actuals, text: editActuals(texts.actuals.text, editsOf(mine)) } };
    out.push(compared(entry, self, await scoreTexts(edited), mine));
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
