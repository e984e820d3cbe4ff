import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import { textRef, type TextRef } from '../errors/texts';
import { bytesOf, dictOf, type RevisionView } from './revisionView';

/**
 * What one signature's update may change in the document it signs, by allow-list (as pyHanko's difference policy
 * does): its signature dictionary and appearance (new objects), one new signature field holding exactly this
 * signature, its widget appended to a page's /Annots, the field appended to the form's /Fields, the catalog's
 * /AcroForm and the form's /SigFlags; and validation data (the catalog's /DSS). Every other change — page content, an array of any other kind, another
 * annotation, a field emptied or re-pointed, the attached data — is a change made after the earlier signatures.
 */
export function disallowedChanges(before: RevisionView, after: RevisionView, range: readonly number[]): TextRef[] {
  const problems: TextRef[] = [];
  const pageArrays = arraysOfPages(after);
  const form = { before: formOf(before), after: formOf(after) };
  const newWidgets: PDFObject[] = [];
  const validationObjects = securityStore(after);
  for (const number of changedObjects(before, after, problems)) {
    const a = before.object(number);
    const b = after.object(number);
    if (a === null || b === null) {
      problems.push(textRef('verify.change.unreadable'));
      continue;
    }
    if (`${number} 0 R` === after.root) {
      if (!sameWithout(a, b, ['AcroForm', 'DSS'])) problems.push(textRef('verify.change.catalog'));
    } else if (validationObjects.has(number) && !pageArrays.has(number) && validationShaped(after, b)) {
      // the validation data (certificates, CRLs): nothing a reader sees — when it is validation data, not a
      // page's content or the form named as the store
    } else if (number === form.after.number || number === form.after.fieldsNumber) {
      // judged below, with the form as a whole
    } else if (typeOf(b) === 'Page' && a instanceof PDFDict && b instanceof PDFDict) {
      const appended = appendedItems(
        before.lookup(a.get(PDFName.of('Annots'))),
        after.lookup(b.get(PDFName.of('Annots'))),
      );
      if (!sameWithout(a, b, ['Annots']) || appended === null) problems.push(textRef('verify.change.page'));
      else newWidgets.push(...appended);
    } else if (pageArrays.get(number) === 'Annots' && a instanceof PDFArray && b instanceof PDFArray) {
      // a page's /Annots kept as an array object of its own: appended to, for a signature's widget only
      const appended = appendedItems(a, b);
      if (appended === null) problems.push(textRef('verify.change.page'));
      else newWidgets.push(...appended);
    } else if (pageArrays.has(number) && b instanceof PDFArray) {
      // any other array of a page's (its /Contents): what the page draws
      problems.push(textRef('verify.change.page'));
    } else problems.push(describe(number, b, after.root));
  }
  const newFields = checkForm(before, after, form, problems);
  checkNewFields(after, newFields, range, problems);
  const fieldNumbers = new Set(newFields.flatMap((f) => (f instanceof PDFRef ? [f.objectNumber] : [])));
  for (const widget of newWidgets) checkNewWidget(after, widget, fieldNumbers, problems);
  return [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
}

/** The objects written anew between the two revisions whose content differs (a copy written again unchanged is no change). */
function changedObjects(before: RevisionView, after: RevisionView, problems: TextRef[]): number[] {
  const changed: number[] = [];
  for (const number of after.numbers()) {
    const was = before.copyOf(number);
    const now = after.copyOf(number);
    if (!was || !now || (was.start === now.start && was.inStream === now.inStream)) continue;
    const a = before.object(number);
    const b = after.object(number);
    if (a === null || b === null) problems.push(textRef('verify.change.unreadable'));
    else if (bytesOf(a) !== bytesOf(b)) changed.push(number);
  }
  return changed;
}

interface FormPlace {
  dict: PDFDict | undefined;
  /** The form dictionary's and its /Fields array's object numbers, when they are objects of their own. */
  number: number | null;
  fieldsNumber: number | null;
}

function formOf(view: RevisionView): FormPlace {
  const ref = view.catalog()?.get(PDFName.of('AcroForm'));
  const dict = view.lookup(ref);
  const form = dict instanceof PDFDict ? dict : undefined;
  const fields = form?.get(PDFName.of('Fields'));
  return {
    dict: form,
    number: ref instanceof PDFRef ? ref.objectNumber : null,
    fieldsNumber: fields instanceof PDFRef ? fields.objectNumber : null,
  };
}

/**
 * The form may only gain fields: the fields it had stay, first and in order (a signature removed from the field
 * tree, or the form re-pointed to another, is stripping); its other entries stay. Returns the fields it gained.
 */
function checkForm(
  before: RevisionView,
  after: RevisionView,
  form: { before: FormPlace; after: FormPlace },
  problems: TextRef[],
): PDFObject[] {
  const fieldsOf = (view: RevisionView, dict: PDFDict | undefined): PDFObject | undefined =>
    dict ? view.lookup(dict.get(PDFName.of('Fields'))) : undefined;
  if (!form.after.dict) {
    if (form.before.dict) problems.push(textRef('verify.change.fieldsRemoved'));
    return [];
  }
  if (form.before.dict && !sameWithout(form.before.dict, form.after.dict, ['Fields', 'SigFlags']))
    problems.push(textRef('verify.change.form'));
  const appended = appendedItems(fieldsOf(before, form.before.dict), fieldsOf(after, form.after.dict));
  if (appended === null) {
    problems.push(textRef('verify.change.fieldsRemoved'));
    return [];
  }
  return appended;
}

/** Exactly one new field, a signature field holding this very signature. */
function checkNewFields(after: RevisionView, fields: PDFObject[], range: readonly number[], problems: TextRef[]): void {
  if (fields.length > 1) problems.push(textRef('verify.change.extraFields', { count: fields.length }));
  for (const field of fields) {
    const dict = after.lookup(field);
    if (!(dict instanceof PDFDict) || fieldType(after, dict) !== '/Sig') {
      problems.push(textRef('verify.change.field'));
      continue;
    }
    const value = signatureValue(after, dict);
    if (!value) problems.push(textRef('verify.change.emptySignatureField'));
    else if (rangeOf(after, value) !== range.join(' ')) problems.push(textRef('verify.change.otherSignatureField'));
  }
}

/** What a signature appends to a page is its own widget: the widget of the field it adds, never a note or stamp. */
function checkNewWidget(after: RevisionView, widget: PDFObject, newFields: Set<number>, problems: TextRef[]): void {
  const dict = after.lookup(widget);
  const isWidget = dict instanceof PDFDict && dict.get(PDFName.of('Subtype'))?.toString() === '/Widget';
  if (!isWidget || fieldType(after, dict) !== '/Sig') {
    problems.push(textRef('verify.change.annotation'));
    return;
  }
  // the widget is the field itself (merged) or a kid of it
  const parent = dict.get(PDFName.of('Parent'));
  const field = dict.has(PDFName.of('FT')) || !(parent instanceof PDFRef) ? widget : parent;
  if (field instanceof PDFRef && newFields.has(field.objectNumber)) return;
  const value = signatureValue(after, dict);
  problems.push(textRef(value ? 'verify.change.otherSignatureField' : 'verify.change.emptySignatureField'));
}

/** A field's type, its own or inherited from its parent. */
function fieldType(view: RevisionView, field: PDFDict): string | undefined {
  const own = field.get(PDFName.of('FT'));
  if (own) return own.toString();
  const parent = view.lookup(field.get(PDFName.of('Parent')));
  return parent instanceof PDFDict ? parent.get(PDFName.of('FT'))?.toString() : undefined;
}

/** The signature dictionary a signature field holds (its /V, or its parent's, with a /ByteRange), or null. */
function signatureValue(view: RevisionView, field: PDFDict): PDFDict | null {
  const parent = view.lookup(field.get(PDFName.of('Parent')));
  const holder = field.has(PDFName.of('V')) || !(parent instanceof PDFDict) ? field : parent;
  const value = view.lookup(holder.get(PDFName.of('V')));
  return value instanceof PDFDict && value.get(PDFName.of('ByteRange')) !== undefined ? value : null;
}

function rangeOf(view: RevisionView, signature: PDFDict): string {
  const range = view.lookup(signature.get(PDFName.of('ByteRange')));
  return range instanceof PDFArray ? range.asArray().map(String).join(' ') : '';
}

/** The objects some page (or node of the page tree) refers to in this revision, with the key it holds each under. */
function arraysOfPages(view: RevisionView): Map<number, string> {
  const owned = new Map<number, string>();
  const walk = (node: PDFObject | undefined, depth: number): void => {
    const dict = view.lookup(node);
    if (!(dict instanceof PDFDict) || depth > 64) return;
    for (const [key, value] of dict.entries())
      if (value instanceof PDFRef && key !== PDFName.of('Parent')) owned.set(value.objectNumber, key.decodeText());
    const kids = view.lookup(dict.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(kid, depth + 1);
  };
  walk(view.catalog()?.get(PDFName.of('Pages')), 0);
  return owned;
}

/** The objects of the document's security store (/DSS and its arrays, ISO 32000-2 §12.8.4.3): validation data only. */
function securityStore(view: RevisionView): Set<number> {
  const numbers = new Set<number>();
  const dssRef = view.catalog()?.get(PDFName.of('DSS'));
  if (dssRef instanceof PDFRef) numbers.add(dssRef.objectNumber);
  const dss = view.lookup(dssRef);
  if (dss instanceof PDFDict)
    for (const key of ['Certs', 'CRLs', 'OCSPs', 'VRI']) {
      const value = dss.get(PDFName.of(key));
      if (value instanceof PDFRef) numbers.add(value.objectNumber);
    }
  return numbers;
}

const STORE_KEYS = new Set(['Type', 'Certs', 'CRLs', 'OCSPs', 'VRI']);

/**
 * Whether a changed object of the store holds validation data only: the store's dictionary with its own keys, or
 * an array of streams (DER certificates, CRLs, OCSP responses). A page's /Contents made the store's /Certs, or the
 * form made the store, is not.
 */
function validationShaped(view: RevisionView, object: PDFObject): boolean {
  if (object instanceof PDFDict && !(object instanceof PDFStream))
    return object.keys().every((key) => STORE_KEYS.has(key.decodeText()));
  if (object instanceof PDFArray)
    return object.asArray().every((item) => item instanceof PDFRef && view.lookup(item) instanceof PDFStream);
  return false;
}

/** The items appended to an array (those it held stay, first and in order), or null when it was changed otherwise. */
function appendedItems(before: PDFObject | undefined, after: PDFObject | undefined): PDFObject[] | null {
  const a = before instanceof PDFArray ? before.asArray() : [];
  const b = after instanceof PDFArray ? after.asArray() : [];
  if (before !== undefined && !(before instanceof PDFArray)) return null;
  if (b.length < a.length || !a.every((x, i) => String(b[i]) === String(x))) return null;
  return b.slice(a.length);
}

/** Two dictionaries equal but for some keys: what must not change when only those may. */
function sameWithout(a: PDFObject, b: PDFObject, keys: string[]): boolean {
  if (!(a instanceof PDFDict) || !(b instanceof PDFDict)) return false;
  const strip = (dict: PDFDict): string => {
    const copy = dict.clone();
    for (const key of keys) copy.delete(PDFName.of(key));
    return bytesOf(copy);
  };
  return strip(a) === strip(b);
}

function typeOf(object: PDFObject): string {
  const dict = dictOf(object);
  return (
    dict?.get(PDFName.of('Type'))?.toString().slice(1) ?? dict?.get(PDFName.of('Subtype'))?.toString().slice(1) ?? ''
  );
}

/** What a changed object is, said for people: the page, the attached data, an annotation, or an object by number. */
function describe(number: number, object: PDFObject, root: string): TextRef {
  const type = typeOf(object);
  if (`${number} 0 R` === root) return textRef('verify.change.catalog');
  if (type === 'Page' || type === 'Pages') return textRef('verify.change.page');
  if (type === 'EmbeddedFile' || type === 'Filespec') return textRef('verify.change.embedded');
  if (type === 'Annot' || type === 'Widget') return textRef('verify.change.annotation');
  return textRef('verify.change.object', { ref: `${number} 0`, type: type || '—' });
}
