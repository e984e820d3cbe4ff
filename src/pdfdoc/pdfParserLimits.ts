import { NumberParsingError, PDFObjectParser } from '@cantoo/pdf-lib';

/**
 * The longest run of digits the PDF library reads as one integer (an object or generation number, a
 * cross-reference entry). No real one has more than a dozen digits.
 */
const MAX_INTEGER_DIGITS = 32;

interface IntegerReading {
  bytes: { peekAhead(steps: number): number | undefined; position(): { line: number; column: number; offset: number } };
  parseRawInt(): number;
}

/**
 * Bounds the PDF library's integer reading. Recovering a damaged file, it tries every byte after the damage
 * as the start of an object header, and each try read the whole run of digits there: inside a signature's
 * zero-padded /Contents (16,000 zeros) that is quadratic — ten seconds to refuse a damaged 200 KB form, and
 * minutes under jest. A run longer than any real integer is refused at once, without reading it; a file
 * that parsed before parses the same. Installed once, by importing this module (the PDF readers do).
 */
const reading = Object.getPrototypeOf(PDFObjectParser.prototype) as IntegerReading;
if (typeof reading.parseRawInt !== 'function')
  throw new Error('pdf-lib: BaseParser.parseRawInt not found (the library changed)');
const parseRawInt = reading.parseRawInt;
reading.parseRawInt = function boundedParseRawInt(this: IntegerReading): number {
  for (let k = 0; k <= MAX_INTEGER_DIGITS; k++) {
    const byte = this.bytes.peekAhead(k);
    if (byte === undefined || byte < 0x30 || byte > 0x39) return parseRawInt.call(this);
  }
  throw new NumberParsingError(this.bytes.position(), `more than ${MAX_INTEGER_DIGITS} digits`);
};
