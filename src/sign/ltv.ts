import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFString, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import * as pkijs from 'pkijs';
import { inputError } from '../errors/diagnostic';
import { loadPdf, signatureFields } from '../pdfdoc/pdfRead';
import { readSignedData } from './cms';
import { contentsOf, fillPlaceholder, placeholderEntries } from './placeholder';
import type { RevocationList } from './revocation';
import { addToAcroForm, appendAnnotation } from './signatureField';
import { requestTimestamp } from './timestamp';

/** The name of the document timestamp field `jixiao ltv` adds (a number after it when there are several). */
export const TIMESTAMP_FIELD = 'jixiao-timestamp';

export interface LtvRequest {
  pdf: Uint8Array;
  file: string;
  /** CRLs for the certificates of the signatures (verify --crl's sources, read). */
  crls: readonly RevocationList[];
  /** The RFC 3161 time-stamping authority of the document timestamp. */
  tsa: string;
}

export interface LtvResult {
  pdf: Uint8Array;
  /** How many certificates and CRLs the /DSS gained. */
  certificates: number;
  crls: number;
  /** The document timestamp's time (the TSA's), ISO. */
  time: string;
}

/** Every certificate the signatures (and their timestamps) carry, as DER, each once. */
function carriedCertificates(pdf: Buffer, ranges: readonly number[][]): Buffer[] {
  const found = new Map<string, Buffer>();
  for (const range of ranges) {
    let cms: ReturnType<typeof readSignedData>;
    try {
      cms = readSignedData(contentsOf(pdf, range));
    } catch {
      continue;
    }
    const stamp = cms.timeStampToken ? readSignedData(cms.timeStampToken).certificates : [];
    for (const cert of [...cms.certificates, ...stamp]) found.set(cert.fingerprint256, Buffer.from(cert.raw));
  }
  return [...found.values()];
}

const digestOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

/**
 * Writes under `key` of the new security store (/DSS, ISO 32000-2 §12.8.4.3) the items of the old store and the
 * DER items it lacked, each as a stream; returns how many were added. The store is written anew (new objects,
 * the old items kept), never edited in place: earlier revisions stay byte for byte.
 */
function addToStore(
  doc: PDFDocument,
  old: PDFDict | undefined,
  dss: PDFDict,
  key: 'Certs' | 'CRLs',
  items: readonly Buffer[],
): number {
  const array = doc.context.obj([...(old?.lookupMaybe(PDFName.of(key), PDFArray)?.asArray() ?? [])]);
  const present = new Set(
    array.asArray().flatMap((ref) => {
      const stream = doc.context.lookup(ref);
      return stream instanceof PDFRawStream ? [digestOf(stream.contents)] : [];
    }),
  );
  let added = 0;
  for (const der of items) {
    if (present.has(digestOf(der))) continue;
    array.push(doc.context.register(doc.context.stream(der)));
    present.add(digestOf(der));
    added++;
  }
  dss.set(PDFName.of(key), array);
  return added;
}

/** The document timestamp's field: invisible, on the first page, holding a /DocTimeStamp with its placeholder. */
function addTimestampField(doc: PDFDocument, name: string): PDFRef[] {
  const context = doc.context;
  const stamp = context.register(
    context.obj({
      Type: 'DocTimeStamp',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.RFC3161',
      ...placeholderEntries(context),
    }),
  );
  const page = doc.getPage(0);
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      F: 132,
      T: PDFString.of(name),
      V: stamp,
      P: page.ref,
    }),
  );
  const catalogRef = context.trailerInfo.Root as PDFRef;
  return [appendAnnotation(page, widget), ...addToAcroForm(doc, widget, catalogRef)];
}

/**
 * `jixiao ltv`: long-term validation (PAdES B-LT, then B-LTA) as one incremental update after the signatures —
 * the certificates every signature carries and the CRLs given, in the /DSS, and a document timestamp from the
 * TSA over the whole file as it then stands. A verifier years later needs no network: the chain and its CRLs
 * are in the file, and the timestamp proves the signatures existed while their certificates were valid.
 */
export async function addLongTermValidation(request: LtvRequest): Promise<LtvResult> {
  const pdf = Buffer.from(request.pdf);
  const doc = await loadPdf(pdf, request.file, true);
  const fields = signatureFields(doc);
  const ranges = fields.flatMap((f) => (f.byteRange ? [f.byteRange] : []));
  if (ranges.length === 0) throw inputError('LTV_UNSIGNED', { path: request.file });
  const catalogRef = doc.context.trailerInfo.Root as PDFRef;
  const old = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
  const dss = doc.context.obj({});
  const certificates = addToStore(doc, old, dss, 'Certs', carriedCertificates(pdf, ranges));
  const crls = addToStore(
    doc,
    old,
    dss,
    'CRLs',
    request.crls.map((c) => c.der),
  );
  doc.catalog.set(PDFName.of('DSS'), doc.context.register(dss));
  const taken = new Set(fields.map((f) => f.name));
  let name = TIMESTAMP_FIELD;
  for (let n = 2; taken.has(name); n++) name = `${TIMESTAMP_FIELD}-${n}`;
  const snapshot = doc.context.snapshot;
  snapshot?.markRefsForSave([catalogRef, ...addTimestampField(doc, name)]);
  const updated = Buffer.from(await doc.commit({ useObjectStreams: false }));
  if (!updated.subarray(0, pdf.length).equals(pdf)) throw new Error('incremental update changed earlier bytes');
  const tsa = request.tsa;
  let time = '';
  const stamped = await fillPlaceholder(updated, pdf.length, async (covered) => {
    const token = await requestTimestamp(tsa, covered);
    time = pkijs.TSTInfo.fromBER(new Uint8Array(readSignedData(token).content ?? [])).genTime.toISOString();
    return Buffer.from(token.toSchema().toBER());
  });
  return { pdf: stamped, certificates, crls, time };
}
