import { InputError, throwIfErrors } from '../errors/diagnostic';
import { actualsSchema } from '../schema/actuals';
import { definitionsSchema } from '../schema/definitions';
import { validateDocument } from '../source/validate';
import { parseYaml } from '../source/yamlSource';
import { scoreForm } from '../scoring/scoreForm';
import type { FormResult } from '../scoring/result';
import { checkDefinitions, formInput } from './loadForm';
import { compiled, ruleSetFromText } from './ruleSets';
import { sha256 } from './files';

export interface InputTexts {
  definitions: { name: string; text: string };
  actuals: { name: string; text: string };
  ruleSet: { name: string; text: string };
}

/** Scores a form from the texts of its three files (as embedded in a PDF), touching no file on disk. */
export async function scoreTexts(texts: InputTexts): Promise<FormResult> {
  const definitionsDoc = parseYaml(texts.definitions.text, texts.definitions.name);
  const actualsDoc = parseYaml(texts.actuals.text, texts.actuals.name);
  const definitions = validateDocument(definitionsDoc, definitionsSchema);
  const actuals = validateDocument(actualsDoc, actualsSchema);
  throwIfErrors([...definitions.diagnostics, ...actuals.diagnostics]);
  if (!definitions.value || !actuals.value) throw new InputError([...definitions.diagnostics, ...actuals.diagnostics]);
  const ruleSet = ruleSetFromText(texts.ruleSet.text, texts.ruleSet.name);
  throwIfErrors(checkDefinitions(definitions.value, definitionsDoc, ruleSet));
  const input = formInput(
    definitions.value,
    actuals.value,
    { definitions: definitionsDoc, actuals: actualsDoc },
    { definitionsSha256: sha256(texts.definitions.text), actualsSha256: sha256(texts.actuals.text) },
  );
  return scoreForm(input, compiled(ruleSet));
}
