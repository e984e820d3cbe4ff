import type { SignRole } from '../domain/glossary';
import { textRef } from '../errors/texts';
import type { SignatureBox } from '../pdfdoc/embeddedData';
import type { SignatureField } from '../pdfdoc/pdfRead';
import type { VerifyReport } from './report';

/** How far (points) a widget's centre may sit from its box's edge and still be in it (rounding of printed boxes). */
const TOLERANCE = 2;

/** A widget with no area draws nothing: an invisible signature (as poppler's pdfsig adds), placed nowhere. */
const visible = (rect: SignatureField['rect']): rect is [number, number, number, number] =>
  rect !== null && rect[2] - rect[0] > 1 && rect[3] - rect[1] > 1;

/** The role whose printed box holds the widget's centre, or null. */
function boxRoleOf(field: SignatureField, boxes: readonly SignatureBox[]): string | null {
  if (!visible(field.rect) || field.page === null) return null;
  const [x1, y1, x2, y2] = field.rect;
  const [cx, cy] = [(x1 + x2) / 2, (y1 + y2) / 2];
  const box = boxes.find(
    (b) =>
      b.page === field.page &&
      cx >= b.rect[0] - TOLERANCE &&
      cx <= b.rect[2] + TOLERANCE &&
      cy >= b.rect[1] - TOLERANCE &&
      cy <= b.rect[3] + TOLERANCE,
  );
  return box?.role ?? null;
}

/**
 * Each signature's role by what a reader sees as well as by its field's name: a visible signature is the role of
 * the printed box it sits in (a field jixiao did not name gets that role, or none), and one named for a role must
 * sit in that role's box. An invisible one has its name's role. A signature with no role, or drawn where its role
 * is not, keeps the form from 核验通过, with the reason.
 */
export function placeRoles(
  report: VerifyReport,
  fields: readonly SignatureField[],
  boxes: readonly SignatureBox[],
  roles: readonly SignRole[],
): void {
  const byRange = new Map(fields.flatMap((f) => (f.byteRange ? [[f.byteRange.join(' '), f] as const] : [])));
  const known = (role: string | null): role is SignRole => role !== null && (roles as readonly string[]).includes(role);
  for (const s of report.signatures) {
    const field = byRange.get(s.byteRange.join(' '));
    if (!field) continue;
    const named = known(field.role) ? field.role : null;
    const placed = boxRoleOf(field, boxes);
    const role = visible(field.rect)
      ? placed !== null && (named === null || named === placed)
        ? placed
        : null
      : named;
    s.role = known(role) ? role : null;
    if (visible(field.rect) && named !== null && placed !== named)
      report.reasons.push(textRef('verify.reason.roleOutsideBox', { index: s.index, role: textRef(`role.${named}`) }));
    else if (s.role === null)
      report.reasons.push(textRef('verify.reason.unknownRole', { index: s.index, field: field.name }));
  }
}
