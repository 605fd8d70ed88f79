interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface FieldErrors<F extends string> {
  byField: Partial<Record<F, string>>;
  general: string[];
}

/**
 * The API's refusal as messages per form field: every problem it lists under
 * the field it names (extensions.problems, else extensions.field); what names
 * no field of the form stays general.
 */
export function fieldErrorsOf<F extends string>(fields: readonly F[], errors: readonly ErrorLike[]): FieldErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  const general: string[] = [];
  const place = (field: unknown, message: string) => {
    if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
      const key = field as F;
      byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
    } else general.push(message);
  };
  for (const error of errors) {
    const problems = error.extensions?.problems;
    if (Array.isArray(problems) && problems.length > 0) {
      for (const problem of problems as Array<{ field?: unknown; message?: unknown }>) place(problem.field, String(problem.message ?? error.message));
    } else place(error.extensions?.field, error.message);
  }
  return { byField, general };
}

/** A mutation's error as field errors; a network failure is a general one. */
export function refusalOf<F extends string>(fields: readonly F[], error: { graphQLErrors: readonly ErrorLike[]; networkError?: Error }): FieldErrors<F> {
  const found = fieldErrorsOf(fields, error.graphQLErrors);
  if (error.networkError) found.general.push(error.networkError.message);
  return found;
}
