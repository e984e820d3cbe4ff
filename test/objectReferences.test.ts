import { bodyStart, referencesIn, UnreadableObject } from '../src/pdfdoc/objectReferences';

// The split walks a printed document by the references each object's bytes hold (no parse): strings, comments
// and stream data must never be read as references, and every real one must be found.

const refs = (body: string): number[] => referencesIn(Buffer.from(body, 'latin1'), 0).map((r) => r.objectNumber);

describe("references read from an object's bytes", () => {
  test('references in dictionaries and arrays, in the order written', () => {
    expect(refs('<< /Type /Page /Parent 2 0 R /Annots [4 0 R 5 0 R] /MediaBox [0 0 595 842] >>\nendobj')).toEqual([
      2, 4, 5,
    ]);
    expect(refs('[1 2 3 0 R]\nendobj')).toEqual([3]);
    expect(refs('<</A 7 0 R/B<</C 8 0 R>>>>endobj')).toEqual([7, 8]);
  });

  test('text that reads like a reference is not one: literal and hex strings, escapes, nesting, comments', () => {
    const body = [
      '<< /Alt (部门 12 0 R \\) still (nested 13 0 R) text) /T <3132203020 52> % 14 0 R in a comment',
      ' /K 15 0 R /N /Name16 17 0 R >>',
      'endobj',
    ].join('\n');
    expect(refs(body)).toEqual([15, 17]);
  });

  test("a stream's data is not read: the scan ends at stream, as a parser reads only its dictionary", () => {
    expect(refs('<< /Length 8 0 R /Filter /FlateDecode >>\nstream\n9 0 R BT (x) Tj ET\nendstream\nendobj')).toEqual([
      8,
    ]);
  });

  test('numbers that are not followed by R, and R after anything but two whole numbers, are not references', () => {
    expect(refs('[1 0 1.5 0 R 2 -1 R /R 3 0 [R]]\nendobj')).toEqual([]);
  });

  test('an object that does not end, or a string left open, is unreadable (the split then declines)', () => {
    expect(() => refs('<< /A 1 0 R')).toThrow(UnreadableObject);
    expect(() => refs('<< /A (open 1 0 R >> endobj')).toThrow(UnreadableObject);
    expect(() => refs('<< /A <3132 >> endobj')).not.toThrow();
    expect(() => refs('<< /A <3132')).toThrow(UnreadableObject);
  });
});

describe("an object's header, read where the cross-reference table says it is", () => {
  const start = (text: string, number: number, at = 0): number => bodyStart(Buffer.from(text, 'latin1'), at, number);

  test('the body starts after `N G obj` and the whitespace after it, by the PDF whitespace rules', () => {
    expect(start('12 0 obj\n<< >>', 12)).toBe('12 0 obj\n'.length);
    expect(start('12 0 obj<< >>', 12)).toBe('12 0 obj'.length);
    expect(start('12\r\n0\tobj \r\n[1]', 12)).toBe('12\r\n0\tobj \r\n'.length);
    expect(start('xx 7 0 obj\n1', 7, 3)).toBe('xx 7 0 obj\n'.length);
  });

  test('anything else is no header: another number, no space, no `obj`, no generation', () => {
    expect(start('13 0 obj\n<< >>', 12)).toBe(-1);
    expect(start('120 0 obj\n', 12)).toBe(-1);
    expect(start('12 0obj\n', 12)).toBe(-1);
    expect(start('120 obj\n', 12)).toBe(-1);
    expect(start('12 0 ob', 12)).toBe(-1);
    expect(start('12  R obj', 12)).toBe(-1);
    // a no-break space (0xA0) is not PDF whitespace
    expect(start('12\xa00 obj\n', 12)).toBe(-1);
  });
});
