/** Where the server writes: given by the CLI, the only writer of files (an atomic rename, a compare-and-swap). */
export interface FormStore {
  /** Replaces a file's content only if it still has `expectedSha256`; otherwise FORM_CHANGED_ON_DISK. */
  replace(file: string, content: string | Uint8Array, expectedSha256: string): void;
  /** Writes a new file; OUTPUT_EXISTS when there is one. */
  create(file: string, content: string | Uint8Array): void;
}
