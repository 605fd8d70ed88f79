/**
 * Errors that domain and application code throw for a person to act on. They
 * carry no transport concerns; the GraphQL layer maps them to error codes.
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';
}

/** How much of a refused value an error message repeats: enough to recognise it, never a whole payload. */
export const QUOTED_MAX_LENGTH = 60;

/**
 * A value a person gave, quoted for an error message: as a JSON string (so
 * quotes, line breaks and control characters show as escapes) and cut to
 * QUOTED_MAX_LENGTH characters with an ellipsis.
 */
export function quoted(value: unknown): string {
  const text = String(value);
  const chars = [...text];
  return JSON.stringify(chars.length > QUOTED_MAX_LENGTH ? `${chars.slice(0, QUOTED_MAX_LENGTH).join('')}…` : text);
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The input broke a rule; `field` is the path of the offending input field. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly problems: ReadonlyArray<FieldProblem>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'ValidationError';
  }
  get field(): string {
    return this.problems[0]?.field ?? '';
  }
  static forField(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string, id: string) {
    super(`${what} ${[...id].length > QUOTED_MAX_LENGTH ? quoted(id) : id} was not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The caller is known but may not do this (e.g. grant a role above their own, act on a suspended jurisdiction). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
