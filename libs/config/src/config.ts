import { z } from 'zod';

/** A configuration that cannot start the process: every bad or missing variable is named. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: ReadonlyArray<{ variable: string; message: string }>,
  ) {
    super(
      `${service}: invalid configuration\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses environment variables against a zod object schema whose keys are the
 * variable names. Throws ConfigError naming each offending variable.
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? '(root)'),
    message: issue.code === 'invalid_type' && env[String(issue.path[0])] === undefined ? 'is required but not set' : issue.message,
  }));
  throw new ConfigError(service, problems);
}

/** Reusable variable parsers, so every service reads the same things the same way. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  url: () => z.url({ message: 'must be an absolute URL such as http://127.0.0.1:8080' }),
  mongoUrl: () =>
    z.string().regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a MongoDB connection string such as mongodb://127.0.0.1:27017'),
  brokers: () =>
    z
      .string()
      .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port, such as 127.0.0.1:29092')
      .transform((value) => value.split(',')),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
};

/** Runs `load` and, on a ConfigError, prints it and exits: a bad value stops the process at boot. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
