import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../domain/paths';
import type { FormView } from './viewModel';
import { assertEscaped, compileEscaped } from './templates';

type Template = (view: FormView) => string;

let templates: Record<'project' | 'department', Template> | undefined;

/**
 * Compiles the form templates once: an isolated Handlebars with strict lookups (a missing field is an error,
 * not an empty cell), no helpers of our own, and {{ }} escaping everywhere — user text prints as text.
 */
function compileTemplates(): Record<'project' | 'department', Template> {
  const hbs = Handlebars.create();
  const partialsDir = path.join(TEMPLATES_DIR, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    const source = readFileSync(path.join(partialsDir, file), 'utf8');
    assertEscaped(source, `partials/${file}`);
    hbs.registerPartial(file.slice(0, -'.hbs'.length), hbs.compile(source, { strict: true }));
  }
  const compile = (name: string): Template => {
    const source = readFileSync(path.join(TEMPLATES_DIR, `${name}.hbs`), 'utf8');
    return compileEscaped<FormView>(source, `${name}.hbs`, hbs);
  };
  return { project: compile('project'), department: compile('department') };
}

export function renderHtml(view: FormView): string {
  templates ??= compileTemplates();
  return templates[view.isProject ? 'project' : 'department'](view);
}
