import { REVIEW_ROLE_LABEL, ROLE_LABEL, type SignRole } from '../domain/glossary';
import { PRINTED } from '../domain/formWording';
import { textRef, type TextRef } from '../errors/texts';
import type { SignatureBox } from '../pdfdoc/embeddedData';
import type { PrintedWord } from '../pdfdoc/pageText';

/** How far (points) a label may start outside its box and still be in it (rounding of printed boxes). */
const TOLERANCE = 2;

/** What a role's box prints at its top left. */
function printedLabel(role: SignRole): string {
  if (role === 'seal') return PRINTED.sealBoxLabel;
  const label = (ROLE_LABEL as Record<string, string>)[role] ?? (REVIEW_ROLE_LABEL as Record<string, string>)[role];
  return PRINTED.boxLabel(label ?? role);
}

const inBox = (w: PrintedWord, box: SignatureBox): boolean =>
  w.x >= box.rect[0] - TOLERANCE &&
  w.x <= box.rect[2] + TOLERANCE &&
  w.y >= box.rect[1] - TOLERANCE &&
  w.y <= box.rect[3] + TOLERANCE;

/**
 * The role boxes the embedded data names are where the page prints them: each box holds its own role's label
 * and no other role's. The boxes decide which role a visible signature signs for; boxes swapped in the data
 * would let each signature land in another role's printed box while the data called it right.
 */
export function boxesAgainstPage(
  pages: readonly PrintedWord[][],
  boxes: readonly SignatureBox[],
  roles: readonly SignRole[],
): TextRef[] {
  const findings: TextRef[] = [];
  for (const box of boxes) {
    const role = roles.find((r) => r === box.role);
    const inside = (pages[box.page] ?? []).filter((w) => inBox(w, box));
    const own = role !== undefined && inside.some((w) => w.text.startsWith(printedLabel(role)));
    const other = roles.some((r) => r !== role && inside.some((w) => w.text.startsWith(printedLabel(r))));
    if (!own || other)
      findings.push(
        textRef('verify.reason.boxMisplaced', {
          role: role ? textRef(`role.${role}`) : box.role,
          page: box.page + 1,
        }),
      );
  }
  return findings;
}
