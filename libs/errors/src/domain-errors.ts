/**
 * Errors that domain and application code throw for a person to act on. They
 * carry no transport concerns; the GraphQL layer maps them to error codes.
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';
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
    super(`${what} ${id} was not found`);
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
