import * as path from 'node:path';
import { rowFields, type RowFieldSpec } from '../domain/fields';
import { SKELETON } from '../domain/formWording';
import { GRADE_LABEL } from '../domain/glossary';

/** The sign-off names and details the clerk fills, in the order the form prints them. */
const PERSON_FIELDS = ['preparer', 'phone', 'date', 'reviewer', 'head'] as const;
import { SCHEMAS_DIR } from '../domain/paths';
import type { DefinitionsFile } from '../schema/definitions';
import { loadDefinitions } from './loadForm';

/** YAML text safe as a single-line comment. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The actuals file a department fills (`jixiao init`): every indicator id, quoted, with its name,
 * target and 分值 as comments, and empty fields to fill. Reading it back before filling reports each
 * missing actual at its line, so nothing is scored as a silent 0.
 */
export function actualsTemplate(
  definitions: DefinitionsFile,
  definitionsPath: string,
  actualsPath: string,
  schemaFile: string,
): string {
  const from = path.dirname(path.resolve(actualsPath));
  const ref = relativeRef(from, path.resolve(definitionsPath));
  const zeros = '{ initialBudget: 0, fullYearBudget: 0, executed: 0 }';
  const lines: string[] = [
    `# yaml-language-server: $schema=${relativeRef(from, schemaFile)}`,
    SKELETON.heading(definitions.fiscalYear, definitions.department, definitions.project?.name ?? null),
    ...SKELETON.notes,
    `definitions: ${JSON.stringify(ref)}`,
    'budget:',
    `  initialBudget: 0 # ${SKELETON.initialBudget}`,
    `  fullYearBudget: 0 # ${SKELETON.fullYearBudget}`,
    `  executed: 0 # ${SKELETON.executed}`,
    `  breakdown: # ${SKELETON.breakdown}`,
    `    currentYear: ${zeros} # ${SKELETON.currentYear}`,
    `    carryOver: ${zeros} # ${SKELETON.carryOver}`,
    `    other: ${zeros} # ${SKELETON.other}`,
    `  # declaredScore: 10 # ${SKELETON.budgetDeclared}`,
    `  reason: "" # ${SKELETON.budgetReason}`,
    'overallGoal:',
    `  actual: "" # ${SKELETON.goal(oneLine(definitions.overallGoal.expected))}`,
    'indicators:',
  ];
  for (const level of definitions.levels) {
    for (const group of level.groups) {
      lines.push(SKELETON.group(level.level1, group.level2));
      for (const row of group.indicators) {
        lines.push(
          `  ${JSON.stringify(row.id)}: # ${SKELETON.row(oneLine(row.name), oneLine(row.target), String(row.maxScore))}`,
        );
        if (row.maxScore === '/') {
          lines.push(`    actual: "/" # ${SKELETON.notApplicable}`);
          continue;
        }
        lines.push(...rowFields().flatMap((f) => skeletonLine(f, String(row.maxScore))));
      }
    }
  }
  lines.push(
    `# declaredTotal: 100 # ${SKELETON.declaredTotal}`,
    `# declaredGrade: ${GRADE_LABEL.excellent} # ${SKELETON.declaredGrade}`,
    'signOff:',
    ...PERSON_FIELDS.map((key) => `  ${key}: "" # ${SKELETON[key]}`),
    `  # seal: ./${SKELETON.sealFile} # ${SKELETON.seal}`,
    '',
  );
  return lines.join('\n');
}

/** A row field's line in the skeleton, as the field table says: a blank to fill, a commented example, or none. */
function skeletonLine(field: RowFieldSpec, maxScore: string): string[] {
  if (field.skeleton === 'none') return [];
  // the actual is the one line without a comment: the row's heading comment already says what it is
  const comment = field.required ? '' : ` # ${field.note}`;
  if (field.skeleton === 'blank') return [`    ${field.key}: ""${comment}`];
  return [`    # ${field.key}: ${(field.example ?? '""').replace('{maxScore}', maxScore)}${comment}`];
}

function relativeRef(fromDir: string, file: string): string {
  const relative = path.relative(fromDir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Reads and checks a definitions file, then builds the actuals file to fill beside `actualsPath`. */
export function actualsTemplateFor(definitionsPath: string, actualsPath: string): string {
  // the same loader as score: definitions that score would refuse are refused here, before anyone fills them
  const { definitions } = loadDefinitions(definitionsPath);
  return actualsTemplate(definitions, definitionsPath, actualsPath, path.join(SCHEMAS_DIR, 'actuals.schema.json'));
}
