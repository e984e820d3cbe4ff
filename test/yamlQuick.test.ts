import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readQuickly } from '../src/source/quickYaml';
import { parseYaml, readFully, type DataPath, type SourceDocument } from '../src/source/yamlSource';
import { generateForm } from '../scripts/generate';
import { ROOT } from './helpers';

// The quick reader (js-yaml, no positions) must read every file exactly as the full reader does, or hand it over.

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

/** Every path to a value in the data, mappings and lists alike. */
function pathsOf(value: unknown, at: DataPath = []): DataPath[] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}

const place = (doc: SourceDocument, at: DataPath, key = false) => {
  const l = doc.locate(at, { key });
  return `${l.file}:${l.line}:${l.column}`;
};

function expectSameReading(text: string, file: string): void {
  const quick = parseYaml(text, file);
  const full = readFully(text, file);
  expect(quick.data).toEqual(full.data);
  expect(quick.diagnostics.map((d) => `${d.code}@${d.location?.line}:${d.location?.column}`)).toEqual(
    full.diagnostics.map((d) => `${d.code}@${d.location?.line}:${d.location?.column}`),
  );
  for (const at of pathsOf(full.data)) {
    expect(place(quick, at)).toBe(place(full, at));
    if (at.length > 0) expect(place(quick, at, true)).toBe(place(full, at, true));
  }
  for (const at of pathsOf(full.data).filter((p) => p.length < 2)) {
    const keys = (doc: SourceDocument) =>
      doc
        .keysAt(at)
        .map(
          (k) =>
            `${k.key}|${k.writtenAsNumber}|${k.writtenAsNumber ? k.source : ''}|${k.location.line}:${k.location.column}`,
        );
    expect(keys(quick)).toEqual(keys(full));
  }
}

describe('the quick YAML reader', () => {
  const files = [
    ...yamlFiles(path.join(ROOT, 'examples')),
    ...yamlFiles(path.join(ROOT, 'indicators')),
    ...yamlFiles(path.join(ROOT, 'test/fixtures')),
    ...yamlFiles(path.join(ROOT, 'test/corpus')),
  ];

  test.each(files.map((f) => [path.relative(ROOT, f)]))(
    '%s reads the same as with the full reader: data, problems, every location and key',
    (file) => {
      expectSameReading(readFileSync(path.join(ROOT, file), 'utf8'), file);
    },
  );

  test('generated forms read the same, and quickly (the fast path is taken, not handed over)', () => {
    for (let i = 0; i < 60; i++) {
      const form = generateForm(i, 20);
      for (const [text, name] of [
        [form.definitions, `${form.name}.indicators.yaml`],
        [form.actuals, `${form.name}.actuals.yaml`],
      ] as const) {
        expect(readQuickly(text, name, path.resolve(name), readFully)).not.toBeNull();
        expectSameReading(text, name);
      }
    }
  });

  /** Locates every value and key of a quickly read text, counting how often the full reader was asked; null if not read quickly. */
  function fullReadingsToLocate(text: string, name: string): number | null {
    let readings = 0;
    const counting = (t: string, f: string, a: string): SourceDocument => {
      readings++;
      return readFully(t, f, a);
    };
    const quick = readQuickly(text, name, path.resolve(name), counting);
    if (quick === null) return null;
    for (const at of pathsOf(quick.data)) {
      place(quick, at);
      if (at.length > 0) place(quick, at, true);
    }
    return readings;
  }

  test('every location of the repository files and generated forms comes without the full reader', () => {
    const files = [
      ...yamlFiles(path.join(ROOT, 'examples')),
      ...yamlFiles(path.join(ROOT, 'indicators')),
      ...yamlFiles(path.join(ROOT, 'test/corpus')),
    ];
    const readings = files
      .map((file) => [path.relative(ROOT, file), fullReadingsToLocate(readFileSync(file, 'utf8'), file)] as const)
      .filter(([, n]) => n !== null);
    expect(readings.length).toBeGreaterThanOrEqual(20);
    expect(readings.filter(([, n]) => n !== 0)).toEqual([]);
    const form = generateForm(7, 20);
    expect([
      fullReadingsToLocate(form.definitions, 'g.indicators.yaml'),
      fullReadingsToLocate(form.actuals, 'g.actuals.yaml'),
    ]).toEqual([0, 0]);
  });

  // layouts where a value's place is easy to get wrong: empty values, comments, block and flow styles, marks and line ends
  const layouts: [string, string][] = [
    ['empty values', 'a:\nb: 1\nc:   \nd: # note\ne: 2\n'],
    ['a nested empty value', 'x:\n  a:\n  b: 1\n'],
    ['comments and blank lines before a value', 'a:\n\n  # note\n  b: 1\n# end\nc: 2\n'],
    ['block scalars', 'a: |\n  x\n  y\nb: >-\n  z\nc: 1\n'],
    ['quoted text over lines', 'a: "x\n  y"\nb: \'p\n  q\'\nc: 3\n'],
    ['flow mappings and lists', 'a: { x: 1, y: [1, 2, { z: 3 }] }\nb: [ ]\nc: {}\nd: [{ p: 1 }, { q: 2 }]\n'],
    [
      'lists of mappings, lists and text',
      'l:\n  - a: 1\n    b:\n      - 2\n      - c: 3\n  - text\n  - [4, 5]\n  - { d: 6 }\n',
    ],
    ['a list at the top of a value without indent', 'l:\n- 1\n- a: 2\n'],
    ['values on the next line', 'a:\n  1\nb:\n  "two"\n'],
    ['a byte-order mark', '\uFEFFa: 1\nb:\n  c: 2\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  c: 2\r\n  d:\r\n    - 3\r\n'],
    ['keys quoted, with spaces and written as numbers', '"a b": 1\n\'c\': 2\n3: x\n1.10: y\ntrue: z\n'],
    ['an empty list item (the full reader places it)', 'l:\n  - \n  - 2\n'],
    ['a key with no value in braces (the full reader places it)', 'a: { x, y: 1 }\n'],
    ['Chinese keys and values', '指标:\n  名称: 培训人次\n  目标: ≥95%\n'],
  ];
  test.each(layouts)('%s: every location as the full reader gives it', (_, text) => {
    expectSameReading(text, 'layout.yaml');
  });

  test('a list item is reached by a number only, and a missing key points at the nearest parent, as in the full reader', () => {
    const text = 'l:\n  - a: 1\n  - b: 2\nm:\n  "0": x\n';
    const quick = parseYaml(text, 'paths.yaml');
    const full = readFully(text, 'paths.yaml');
    for (const at of [
      ['l', '1'],
      ['l', 1, 'b'],
      ['l', '1', 'b'],
      ['m', 0],
      ['m', '0'],
      ['l', 5],
      ['nowhere', 'x'],
      ['m', '0', 'deeper'],
    ] as DataPath[]) {
      expect([at, place(quick, at), place(quick, at, true)]).toEqual([at, place(full, at), place(full, at, true)]);
    }
  });

  // spellings the two libraries resolve differently, or cannot both read: each must still read as the full reader reads it
  const scalars = [
    '010',
    '-010',
    '0.5',
    '.5',
    '-.5',
    '+.5',
    '5.',
    '1e3',
    '1.0e+3',
    '0x1F',
    '+0x1F',
    '0o17',
    '0b101',
    '1_000',
    '.inf',
    '-.Inf',
    '.NaN',
    'True',
    'yes',
    'on',
    '~',
    'null',
    'NULL',
    '2023-12-05',
    '12:30',
    '1:20',
    '1.10',
    '≥90%',
    '>=90%',
    '元/人*月',
    '１２',
    '123456789012345',
    '1234567890123456789',
    '0.12345678901234567',
    '"1"',
    "'1.10'",
    '',
    '[]',
    '{}',
    '&a 1',
    '*a',
    '!!str 5',
    '? x',
  ];
  test.each(scalars.map((s) => [s]))('the scalar %j as a value, in a list and as a key', (scalar) => {
    for (const text of [
      `k: ${scalar}\n`,
      `k: [${scalar}]\n`,
      `list:\n  - ${scalar}\n`,
      `${scalar}: v\n`,
      `indicators:\n  ${scalar}: { actual: 5 }\n`,
    ]) {
      expectSameReading(text, 'scalars.yaml');
    }
  });

  test('an id written as a number is told apart from one written quoted, as the full reader does', () => {
    const bare = parseYaml('indicators:\n  1.10: { actual: 5 }\n', 'a.yaml');
    expect(bare.keysAt(['indicators'])).toEqual([
      expect.objectContaining({ key: '1.1', writtenAsNumber: true, source: '1.10' }),
    ]);
    const quoted = parseYaml('indicators:\n  "1.10": { actual: 5 }\n', 'a.yaml');
    expect(quoted.keysAt(['indicators'])).toEqual([expect.objectContaining({ key: '1.10', writtenAsNumber: false })]);
    // a quoted "1.1" elsewhere in the text does not make a bare 1.10 a string
    const elsewhere = parseYaml('indicators:\n  1.10: { actual: 5, reason: \'"1.1": 见说明\' }\n', 'a.yaml');
    expect(elsewhere.keysAt(['indicators'])).toEqual([
      expect.objectContaining({ key: '1.1', writtenAsNumber: true, source: '1.10' }),
    ]);
    // the same id once quoted and once bare in one file: only the full reader can say which is which
    const both = parseYaml('indicators:\n  "2": { actual: 5 }\nother:\n  2: x\n', 'a.yaml');
    expect(both.keysAt(['other'])).toEqual([expect.objectContaining({ key: '2', writtenAsNumber: true })]);
  });

  test('broken files go to the full reader and keep its messages at their lines', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'a: [1, 2\n',
      'a:\n\t- 1\n',
      '名称：x\n',
      'a: 1\n---\nb: 2\n',
      '',
      '# only a comment\n',
      '- 1\n- 2\n',
      'just text\n',
    ]) {
      expectSameReading(text, 'broken.yaml');
    }
    expect(parseYaml('a: 1\na: 2\n', 'x.yaml').diagnostics.map((d) => `${d.code}@${d.location?.line}`)).toEqual([
      'DUPLICATE_KEY@2',
    ]);
  });
});
