import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { SIGNATURE } from '../domain/formWording';
import { signatureAppearance } from './appearance';
import type { SigningIdentity } from './keys';
import { FIELD_PREFIX } from '../pdfdoc/pdfRead';
import type { SealImage } from './sealImage';
import type { SignRole } from '../domain/glossary';
import { beijingClock } from '../domain/beijingTime';
import { placeholderEntries } from './placeholder';

/** 2026-11-28 09:30（北京时间）: the time printed in a visible signature. */
export function beijingTime(date: Date): string {
  return SIGNATURE.beijingTime(beijingClock(date).slice(0, 16));
}

export interface FieldRequest {
  /** The role signing and where (the signature dictionary's /Location). */
  request: { role: SignRole; location?: string | undefined; foreignField?: { name?: string } | undefined };
  identity: SigningIdentity;
  printed: string;
  roleLabel: string;
  reason: string;
  now: Date;
  box: [number, number, number, number];
  pageIndex: number;
  /** The first signature certifies the document (DocMDP): later signers may fill and sign, nothing else. */
  certify: boolean;
  seal?: SealImage;
}

/** The signature's visible face in its box: the name (both, when signing for the person the form names), the time, the reason; a seal's image. */
async function visibleFace(doc: PDFDocument, field: FieldRequest): Promise<PDFRef> {
  const { request, identity, printed, reason, now } = field;
  const [x1, y1, x2, y2] = field.box;
  const stamp = { text: SIGNATURE.signedAt(beijingTime(now)), size: 7 };
  const appearance = await signatureAppearance(doc, x2 - x1, y2 - y1, {
    topMargin: 16,
    lines:
      request.role === 'seal'
        ? [{ text: printed || identity.commonName, size: 10 }, { text: SIGNATURE.seal, size: 7 }, stamp]
        : [
            // signing for the person the form names, on purpose: the box says so, with both names
            {
              text:
                printed !== '' && printed !== identity.commonName
                  ? SIGNATURE.onBehalf(identity.commonName, printed)
                  : identity.commonName,
              size: 12,
            },
            stamp,
            { text: reason, size: 7 },
          ],
    ...(field.seal ? { seal: field.seal } : {}),
  });
  return appearance;
}

/** Puts the widget in the AcroForm's /Fields (making the form if there is none); returns the existing objects it changed. */
export function addToAcroForm(doc: PDFDocument, widgetRef: PDFRef, catalogRef: PDFRef): PDFRef[] {
  const context = doc.context;
  const formEntry = doc.catalog.get(PDFName.of('AcroForm'));
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [], SigFlags: 3 });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  const fieldsEntry = form.get(PDFName.of('Fields'));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? PDFArray.withContext(context);
  fields.push(widgetRef);
  form.set(PDFName.of('Fields'), fields);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  // the AcroForm lives as its own object or inside the catalog: whichever holds it has changed; so has a
  // /Fields array of its own (another tool may have written one)
  return [
    formEntry instanceof PDFRef ? formEntry : catalogRef,
    ...(fieldsEntry instanceof PDFRef ? [fieldsEntry] : []),
  ];
}

/**
 * Adds the signature field for the role: the signature dictionary with its placeholder, the widget in the
 * role's box with its visible face, the field in the AcroForm. Returns the existing objects it changed.
 */
export async function addSignatureField(doc: PDFDocument, field: FieldRequest): Promise<PDFRef[]> {
  const { request, identity, roleLabel, reason, now } = field;
  const page = doc.getPage(field.pageIndex);
  const [x1, y1, x2, y2] = field.box;
  const appearance = await visibleFace(doc, field);

  const context = doc.context;
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ...placeholderEntries(context),
    // Chinese text goes in as UTF-16 hex strings, never as PDFDocEncoding.
    Reason: PDFHexString.fromText(reason),
    Name: PDFHexString.fromText(identity.commonName),
    Location: PDFHexString.fromText(request.location ?? ''),
    M: PDFString.fromDate(now),
    // P 2: after this signature only form filling and further signatures are allowed (ISO 32000-1 §12.8.2.2)
    ...(field.certify
      ? {
          Reference: [
            { Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: { Type: 'TransformParams', P: 2, V: '1.2' } },
          ],
        }
      : {}),
  });
  const signatureRef = context.register(signature);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x1, y1, x2, y2],
    V: signatureRef,
    T: PDFString.of(request.foreignField?.name ?? `${FIELD_PREFIX}${request.role}`),
    TU: PDFHexString.fromText(SIGNATURE.fieldName(roleLabel)),
    F: 4,
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef = context.register(widget);
  const changed = [appendAnnotation(page, widgetRef)];

  const catalogRef = context.trailerInfo.Root as PDFRef;
  changed.push(...addToAcroForm(doc, widgetRef, catalogRef));
  if (field.certify) {
    doc.catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signatureRef }));
    changed.push(catalogRef);
  }
  return changed;
}

/**
 * Adds the widget to the page's /Annots and changes nothing else on the page. (pdf-lib's addAnnot normalises the
 * page first: it wraps the content in q…Q and rewrites the resources — a change to a signed page that verify refuses.)
 */
export function appendAnnotation(page: PDFPage, widgetRef: PDFRef): PDFRef {
  const { context } = page.doc;
  const entry = page.node.get(PDFName.of('Annots'));
  const annots = entry instanceof PDFRef ? context.lookup(entry) : entry;
  if (!(annots instanceof PDFArray)) {
    page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
    return page.ref;
  }
  annots.push(widgetRef);
  // an /Annots array of its own changes alone; one inside the page changes the page
  if (entry instanceof PDFRef) return entry;
  page.node.set(PDFName.of('Annots'), annots);
  return page.ref;
}
