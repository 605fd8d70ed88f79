import { Types } from 'mongoose';
import { ValidationError } from '@entente/errors';

/** Cursor pagination, the one list shape of the API (nodes, pageInfo, totalCount). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ResolvedPageArgs {
  limit: number;
  afterId: Types.ObjectId | null;
}

export function resolvePageArgs(args: PageArgs): ResolvedPageArgs {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw ValidationError.forField('first', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { limit, afterId: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(id: Types.ObjectId): string {
  return Buffer.from(id.toHexString(), 'hex').toString('base64url');
}

export function decodeCursor(cursor: string): Types.ObjectId {
  const hex = Buffer.from(cursor, 'base64url').toString('hex');
  if (hex.length !== 24 || encodeCursor(new Types.ObjectId(hex)) !== cursor) {
    throw ValidationError.forField('after', 'is not a cursor this list gave out; pass pageInfo.endCursor of the previous page');
  }
  return new Types.ObjectId(hex);
}
