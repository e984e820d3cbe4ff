import { PDFDocument } from '@cantoo/pdf-lib';
import type { EditedPdf } from '../src/pdfdoc/editedPdf';
import type * as AppearanceFontModule from '../src/pdfdoc/appearanceFont';
import type * as DraftMarkModule from '../src/pdfdoc/draftMark';

// The draft mark is made once per process; a failure to make it must not fail every later draft of a long-lived server.

async function blankPdf(): Promise<EditedPdf> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  const resolve: EditedPdf['resolve'] = (o) => (o && 'objectNumber' in o ? doc.context.lookup(o as never) : o);
  return { context: doc.context, catalog: doc.catalog, info: doc.context.obj({}), resolve };
}

test('a draft mark that failed once is made again by the next draft', async () => {
  await jest.isolateModulesAsync(async () => {
    let calls = 0;
    jest.doMock('../src/pdfdoc/appearanceFont', () => {
      const real = jest.requireActual<typeof AppearanceFontModule>('../src/pdfdoc/appearanceFont');
      return {
        ...real,
        AppearanceFonts: class extends real.AppearanceFonts {
          override async runs(text: string) {
            calls++;
            // the first attempt fails as a font file that cannot be read would
            if (calls === 1) throw new Error('EMFILE: too many open files');
            return super.runs(text);
          }
        },
      };
    });
    // loaded here, inside the isolated registry, so it sees the font stand-in above
    const { markDraft } = jest.requireActual<typeof DraftMarkModule>('../src/pdfdoc/draftMark');
    await expect(markDraft(await blankPdf())).rejects.toThrow('EMFILE');
    await expect(markDraft(await blankPdf())).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
