import { canonicalJson } from '../domain/canonicalJson';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The name of the JSON file attached to every jixiao PDF. */
export const EMBEDDED_NAME = 'jixiao-data.json';
export const EMBEDDED_FORMAT = 'jixiao-embedded/1';

export { canonicalJson };

const signatureBoxSchema = z.object({
  role: z.string(),
  /** 0-based page index. */
  page: z.number().int().min(0),
  /** [x1, y1, x2, y2] in PDF user space (points, origin bottom-left). */
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});

const embeddedInputSchema = z.object({
  /** The file name as it was given, for messages and for the relative path between them. */
  name: z.string(),
  text: z.string(),
  sha256: z.string(),
});

/** Everything a reviewer needs to re-score the form: the inputs, the result and hashes of each. Read back with this schema, never cast. */
export const embeddedDataSchema = z.object({
  format: z.literal('jixiao-embedded/1'),
  jixiaoVersion: z.string(),
  createdAt: z.string(),
  inputs: z.object({
    definitions: embeddedInputSchema,
    actuals: embeddedInputSchema,
    ruleSet: embeddedInputSchema.extend({ id: z.string() }),
  }),
  result: z.record(z.string(), z.unknown()),
  resultSha256: z.string(),
  signatureBoxes: z.array(signatureBoxSchema),
  /** The unit's seal image the actuals name: the face of the 单位盖章 signature unless the signer brings another. */
  sealImage: z.object({ type: z.enum(['png', 'jpeg']), base64: z.string() }).optional(),
});

export const REVIEW_REPORT_FORMAT = 'jixiao-review-report/1';

/**
 * What a 复核报告 embeds: the re-check it reports (rule set, totals, departments, each form's key, total, grade, risk
 * and whether it was sampled), its hash, and where each reviewer role signs.
 */
export const reviewReportDataSchema = z.object({
  format: z.literal(REVIEW_REPORT_FORMAT),
  jixiaoVersion: z.string(),
  createdAt: z.string(),
  review: z.record(z.string(), z.unknown()),
  /** sha256 of the review's canonical JSON: verify recomputes it. */
  reviewSha256: z.string(),
  signatureBoxes: z.array(signatureBoxSchema),
});

export type ReviewReportData = z.infer<typeof reviewReportDataSchema>;

/** The data a signed jixiao PDF carries: a form's, or a 复核报告's. */
export type SignedData = { kind: 'form'; data: EmbeddedData } | { kind: 'review'; data: ReviewReportData };

export type SignatureBox = z.infer<typeof signatureBoxSchema>;
export type EmbeddedInput = z.infer<typeof embeddedInputSchema>;
export type EmbeddedData = z.infer<typeof embeddedDataSchema>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function embeddedInput(name: string, text: string): EmbeddedInput {
  return { name, text, sha256: sha256Hex(text) };
}
