/** The verifier's door: a signed form checked as a reader would trust it, one file or a folder of them. */
export { verifyPdf, type SignatureReport, type VerifyOptions, type VerifyReport } from './verifyPdf';
export { verifyMany, verifySummaryFile, type VerifySummaryRow } from './verifyMany';
export { summaryCells, summaryHeaders } from '../report/verifySummary';
