import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { inputError } from '../errors/diagnostic';
import { textRef } from '../errors/texts';
import './pdfParserLimits';
import './parsedObjects';
import type { z } from 'zod';
import {
  EMBEDDED_FORMAT,
  EMBEDDED_NAME,
  embeddedDataSchema,
  REVIEW_REPORT_FORMAT,
  reviewReportDataSchema,
  type EmbeddedData,
  type SignedData,
} from './embeddedData';

/** How far from the start a PDF's header and from the end its last %%EOF may be: readers accept either within a kilobyte. */
const EOF_WINDOW = 1024;

/** A PDF as the library read it, for the rooms that only pass it on to src/pdfdoc. */
export type LoadedPdf = PDFDocument;

export async function loadPdf(bytes: Uint8Array, file: string, incremental = false): Promise<PDFDocument> {
  // a file cut short is said to be so before the PDF library sees it: recovering one cut inside a signature's
  // zero-padded /Contents, it tries every following byte as an object number and reads the whole run of zeros
  // each time (ten seconds for a 200 KB form, minutes under jest)
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (
    all.subarray(0, EOF_WINDOW).includes('%PDF-') &&
    !all.subarray(Math.max(0, all.length - EOF_WINDOW)).includes('%%EOF')
  ) {
    throw inputError('PDF_TRUNCATED', { path: file });
  }
  try {
    return await PDFDocument.load(bytes, {
      updateMetadata: false,
      parseSpeed: Infinity,
      ...(incremental ? { forIncrementalUpdate: true } : {}),
    });
  } catch (error) {
    throw inputError('PDF_UNREADABLE', { path: file, detail: (error as Error).message.split('\n')[0] ?? '' });
  }
}

function text(value: PDFObject | undefined): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** The attached jixiao-data.json as raw bytes, or null. */
export function embeddedBytes(doc: PDFDocument): Uint8Array | null {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    if (text(list.lookup(i)) !== EMBEDDED_NAME) continue;
    const spec = list.lookup(i + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  }
  return null;
}

/** The document's validation data (/DSS): its certificates and CRLs as DER, for a verifier without the network. */
export function validationData(doc: PDFDocument): { certificates: Buffer[]; crls: Buffer[] } {
  const dss = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
  const items = (key: string): Buffer[] =>
    (dss?.lookupMaybe(PDFName.of(key), PDFArray)?.asArray() ?? []).flatMap((ref) => {
      const stream = doc.context.lookup(ref);
      return stream instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(stream).decode())] : [];
    });
  return { certificates: items('Certs'), crls: items('CRLs') };
}

export function readEmbeddedData(doc: PDFDocument, file: string): { data: EmbeddedData; bytes: Uint8Array } {
  const { json, bytes } = embeddedJson(doc, file);
  return { data: validated(json, embeddedDataSchema, file), bytes };
}

/** The data of any signed jixiao PDF: a form's, or (by its format) a 复核报告's. */
export function readSignedData(doc: PDFDocument, file: string): SignedData {
  const { json } = embeddedJson(doc, file);
  const format = json !== null && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format === REVIEW_REPORT_FORMAT) return { kind: 'review', data: validated(json, reviewReportDataSchema, file) };
  return { kind: 'form', data: validated(json, embeddedDataSchema, file) };
}

function validated<T>(json: unknown, schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError('NOT_A_JIXIAO_PDF', {
      path: file,
      detail: textRef('embedded.shape', { name: EMBEDDED_NAME, field: issue?.path.join('.') || EMBEDDED_FORMAT }),
    });
  }
  return parsed.data;
}

function embeddedJson(doc: PDFDocument, file: string): { json: unknown; bytes: Uint8Array } {
  let bytes: Uint8Array | null;
  try {
    bytes = embeddedBytes(doc);
  } catch {
    // a damaged file (a changed byte in the compressed attachment, a broken dictionary) says so; it does not crash
    throw inputError('NOT_A_JIXIAO_PDF', { path: file, detail: textRef('embedded.damaged', { name: EMBEDDED_NAME }) });
  }
  if (!bytes)
    throw inputError('NOT_A_JIXIAO_PDF', { path: file, detail: textRef('embedded.missing', { name: EMBEDDED_NAME }) });
  try {
    return { json: JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown, bytes };
  } catch {
    throw inputError('NOT_A_JIXIAO_PDF', { path: file, detail: textRef('embedded.notJson', { name: EMBEDDED_NAME }) });
  }
}

/** The name every jixiao signature field carries: jixiao-<role>. */
export const FIELD_PREFIX = 'jixiao-';

export interface SignatureField {
  name: string;
  /** A person's or unit's signature, or a document timestamp (RFC 3161 over the file, as `jixiao ltv` adds). */
  kind: 'signature' | 'timestamp';
  role: string | null;
  /** The /Name of its signature dictionary (the signer, as the signer wrote it). */
  signer: string;
  byteRange: number[] | null;
  /** For the certification signature (the catalog's /Perms /DocMDP): what it still allows (1–3), else null. */
  certifies: number | null;
  /** Where its widget is drawn: [x1, y1, x2, y2] on page `page` (0-based); null when it has no readable widget. */
  rect: [number, number, number, number] | null;
  page: number | null;
}

/** A field's widget (the field itself when merged, else its first kid): its /Rect and the index of its page /P. */
function widgetPlace(
  doc: PDFDocument,
  field: PDFDict,
  ref: PDFObject | undefined,
): Pick<SignatureField, 'rect' | 'page'> {
  const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
  const kid = kids && kids.size() > 0 ? kids.lookup(0) : undefined;
  const widget = field.has(PDFName.of('Rect')) || !(kid instanceof PDFDict) ? field : kid;
  const rect = widget.lookupMaybe(PDFName.of('Rect'), PDFArray);
  const numbers = rect ? rect.asArray().map((n) => Number(n.toString())) : [];
  const place =
    numbers.length === 4 && numbers.every(Number.isFinite)
      ? ([
          Math.min(numbers[0] ?? 0, numbers[2] ?? 0),
          Math.min(numbers[1] ?? 0, numbers[3] ?? 0),
          Math.max(numbers[0] ?? 0, numbers[2] ?? 0),
          Math.max(numbers[1] ?? 0, numbers[3] ?? 0),
        ] as [number, number, number, number])
      : null;
  const pageRef = widget.get(PDFName.of('P'));
  const pages = doc.getPages();
  // /P is optional: a widget without it is found in the /Annots of its page
  const widgetRef = widget === field ? ref : kids?.get(0);
  const page = pageRef
    ? pages.findIndex((p) => p.ref === pageRef)
    : pages.findIndex(
        (p) =>
          p.node
            .Annots()
            ?.asArray()
            .some((a) => a === widgetRef) === true,
      );
  return { rect: place, page: page >= 0 ? page : null };
}

/** The DocMDP permission level of a certification signature dictionary (P, default 2; ISO 32000-1 §12.8.2.2). */
function docMdpLevel(sig: PDFDict): number | null {
  const references = sig.lookupMaybe(PDFName.of('Reference'), PDFArray);
  for (const reference of references?.asArray().map((_, i) => references.lookup(i)) ?? []) {
    if (!(reference instanceof PDFDict) || reference.lookup(PDFName.of('TransformMethod')) !== PDFName.of('DocMDP'))
      continue;
    const level = Number(
      reference.lookupMaybe(PDFName.of('TransformParams'), PDFDict)?.lookup(PDFName.of('P'))?.toString() ?? '2',
    );
    return Number.isInteger(level) ? level : null;
  }
  return null;
}

/** Signature fields already in the document, with the role each was signed for. */
export function signatureFields(doc: PDFDocument): SignatureField[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return [];
  const certification = doc.catalog.lookupMaybe(PDFName.of('Perms'), PDFDict)?.get(PDFName.of('DocMDP'));
  const out: SignatureField[] = [];
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookup(i);
    if (!(field instanceof PDFDict)) continue;
    if (field.lookup(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const name = text(field.lookup(PDFName.of('T'))) ?? '';
    const value = field.lookup(PDFName.of('V'));
    const sig = value instanceof PDFDict ? value : undefined;
    const range = sig?.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const kind = sig?.get(PDFName.of('SubFilter')) === PDFName.of('ETSI.RFC3161') ? 'timestamp' : 'signature';
    out.push({
      name,
      kind,
      role: kind === 'signature' && name.startsWith(FIELD_PREFIX) ? name.slice(FIELD_PREFIX.length) : null,
      signer: text(sig?.lookup(PDFName.of('Name'))) ?? '',
      byteRange: range ? range.asArray().map((n) => Number(n.toString())) : null,
      certifies:
        sig && certification !== undefined && field.get(PDFName.of('V')) === certification ? docMdpLevel(sig) : null,
      ...widgetPlace(doc, field, fields.get(i)),
    });
  }
  return out;
}
