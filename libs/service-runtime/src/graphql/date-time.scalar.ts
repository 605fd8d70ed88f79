import { type CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

/**
 * The platform's DateTime, for every Date field and argument of every
 * subgraph (ServiceCoreModule provides it; Nest's federation driver takes
 * scalars from providers, not from buildSchemaOptions): the same ISO 8601
 * strings as @nestjs/graphql's GraphQLISODateTime, but only strings. Nest's
 * parses any variable with `new Date(value)`, so `true` became
 * 1970-01-01T00:00:00.001Z and was taken (the platform fuzz found it in a
 * search filter). Anything that is no date-time string becomes an invalid
 * Date, which the rules of every input already refuse, naming their field
 * (a throw here would name no field: the gateway renames the variables it
 * sends a subgraph).
 */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string | null, Date> {
  description = 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.';

  parseValue(value: unknown): Date {
    return typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  }

  serialize(value: unknown): string | null {
    return value instanceof Date ? value.toISOString() : null;
  }

  parseLiteral(ast: ValueNode): Date {
    return ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
  }
}
