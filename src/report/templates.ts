import Handlebars from 'handlebars';

interface Node {
  type: string;
  escaped?: boolean;
  [key: string]: unknown;
}

/** Every node of a parsed template (programs, blocks, inverses, partial blocks). */
function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  yield node as Node;
  for (const key of ['body', 'program', 'inverse']) yield* walk((node as Node)[key]);
}

/**
 * Refuses a template with unescaped output ({{{x}}}, {{&x}}, {{~{x}~}}): user text must always print as text.
 * Reads Handlebars' own parse tree, so no spelling of the triple-stash slips past.
 */
export function assertEscaped(source: string, name: string): void {
  for (const node of walk(Handlebars.parse(source))) {
    if (node.type === 'MustacheStatement' && node.escaped === false) {
      const line = (node.loc as { start?: { line?: number } } | undefined)?.start?.line ?? 0;
      throw new Error(`template ${name}:${line} uses unescaped output`);
    }
  }
}

/** Compiles a template after checking it: strict lookups (a missing field is an error), no helpers of our own. */
export function compileEscaped<T>(
  source: string,
  name: string,
  hbs: typeof Handlebars = Handlebars.create(),
): HandlebarsTemplateDelegate<T> {
  assertEscaped(source, name);
  return hbs.compile<T>(source, { strict: true, knownHelpersOnly: true });
}
