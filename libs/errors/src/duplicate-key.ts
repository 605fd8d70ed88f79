/** MongoDB's error code for a write refused by a unique index. */
export const DUPLICATE_KEY = 11000;

/** Whether a write failed because a unique index already holds its key. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}
