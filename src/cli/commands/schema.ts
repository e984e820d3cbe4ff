import { listOf } from '../../errors/texts';
import { inputError } from '../../errors/diagnostic';
import { FILE_KINDS, isFileKind, jsonSchemaOf } from '../../pipeline/forms';
import { EXIT } from '../exitCodes';
import type { Io } from '../io';

/** `jixiao schema <kind>`: the JSON Schema an editor's YAML language server uses. */
export async function schemaCommand(kind: string, io: Io): Promise<number> {
  if (!isFileKind(kind)) throw inputError('UNKNOWN_KIND', { kind, known: listOf(Object.keys(FILE_KINDS)) });
  io.out(JSON.stringify(jsonSchemaOf(kind), null, 2));
  return EXIT.ok;
}
