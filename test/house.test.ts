import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers';

// The rooms of DESIGN §4 are enforced by lint: an import against the table, or a cycle, fails the build.
// ESLint's flat config loads by dynamic import, which Jest's VM refuses: run the real eslint on stdin instead.
async function ruleIdsFor(file: string, source: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: ROOT, input: source, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('rooms and cycles', () => {
  jest.setTimeout(60_000);

  test('the real files as they are pass', async () => {
    const file = 'src/pipeline/stages.ts';
    expect(await ruleIdsFor(file, readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  test('a room importing uphill fails (domain → lint)', async () => {
    const source = `${readFileSync(path.join(ROOT, 'src/domain/version.ts'), 'utf8')}\nimport { lintFile } from '../lint/lintFile';\nexport const uphill = lintFile;\n`;
    expect(await ruleIdsFor('src/domain/version.ts', source)).toContain('import-x/no-restricted-paths');
  });

  test('a cycle fails (load/files ↔ pipeline/stages through the loader)', async () => {
    const file = 'src/load/files.ts';
    const source = `${readFileSync(path.join(ROOT, file), 'utf8')}\nimport { scoreFile } from '../pipeline/stages';\nexport const cycle = scoreFile;\n`;
    const ids = await ruleIdsFor(file, source);
    expect(ids).toContain('import-x/no-cycle');
  });

  test('a heavy library outside its room fails (json-rules-engine in scoring)', async () => {
    const source = `import { Engine } from 'json-rules-engine';\nexport const engine = new Engine();\n`;
    expect(await ruleIdsFor('src/scoring/engineHere.ts', source)).toContain('no-restricted-imports');
  });

  test('a function past 60 lines fails; a non-null assertion fails', async () => {
    const body = Array.from({ length: 61 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const long = `export function long(): number {\n${body}\n  return v0;\n}\n`;
    expect(await ruleIdsFor('src/domain/long.ts', long)).toContain('max-lines-per-function');
    const asserted = `export function first(list: number[]): number {\n  return list[0]!;\n}\n`;
    expect(await ruleIdsFor('src/domain/first.ts', asserted)).toContain('@typescript-eslint/no-non-null-assertion');
    // comments and blank lines are not counted: a long comment does not make a function two things
    const commented = `export function short(): number {\n${Array.from({ length: 70 }, () => '  // why').join('\n')}\n  return 1;\n}\n`;
    expect(await ruleIdsFor('src/domain/short.ts', commented)).toEqual([]);
  });

  test('no file imports itself round a circle, type-only imports included', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
    })(path.join(ROOT, 'src'));
    const importsOf = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)].flatMap((m) => {
        const target = path.resolve(path.dirname(file), m[1] ?? '');
        return [`${target}.ts`, path.join(target, 'index.ts')].filter((c) => existsSync(c)).slice(0, 1);
      });
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    // depth-first, colouring files being walked: reaching one again is a circle
    const state = new Map<string, 'walking' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      state.set(file, 'walking');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'walking')
          circles.push(
            [...trail.slice(trail.indexOf(next)), file, next].map((f) => path.relative(ROOT, f)).join(' → '),
          );
        else if (!state.has(next)) visit(next, [...trail, file]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, []);
    expect(circles).toEqual([]);
  });
});
