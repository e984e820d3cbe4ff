import { fuzzPdfs } from '../scripts/fuzzPdf';
import { fuzzBases } from '../scripts/fuzzPdfBases';
import { CLEAN } from './helpers';

// A sample of the damaged-PDF fuzzer (npm run fuzz:pdf runs 5,000 and more): a signed form, an unsigned one and
// one whose embedded data lacks its result, flipped, cut short, with bytes deleted and cross-references garbled.
// verify and sign may refuse with a reason or succeed; neither may crash (exit 2). The seed changes every day.

describe('damaged signed forms through verify and sign', () => {
  test('120 damaged PDFs: no crash, every refusal an input error with its reason', async () => {
    // the PDF library reports what it repairs on the console; thousands of such lines would bury the CI log
    const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { bases, signer } = await fuzzBases(CLEAN);
    const seed = Math.floor(Date.now() / 86_400_000);
    const tally = await fuzzPdfs(bases, signer, 120, seed);
    quiet.mockRestore();
    expect(tally.examples).toEqual([]);
    expect(tally.crashes).toBe(0);
    // the damage was real: some files were refused, and every kind of damage was tried
    expect(tally.refused).toBeGreaterThan(10);
    expect(Object.keys(tally.byKind).sort()).toEqual(['delete', 'flip', 'truncate', 'xref']);
    // (damage inside a signature's zero padding once cost the PDF library a quadratic rescan, minutes under jest:
    // src/sign/pdfParserLimits.ts bounds it)
  }, 300_000);
});
