/** MongoDB's E11000: a unique index refused the write, so someone else wrote that key first. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
