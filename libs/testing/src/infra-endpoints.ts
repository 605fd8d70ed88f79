/**
 * Same shape as `InfraEndpoints` of `@entente/local-infra` (declared here, not
 * imported: local-infra's own integration specs use this library, and Nx forbids
 * the cycle).
 */
export interface InfraEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  keycloakUrl: string;
  /** The mail server services send to (SMTP_URL). */
  smtpUrl: string;
  /** Its REST API where tests read what arrived (MAIL_API_URL); null for an external SMTP server. */
  mailApiUrl: string | null;
}

/**
 * The servers the integration run uses, as published by the global setup in
 * KAFKA_BROKERS, MONGO_URL, KEYCLOAK_URL, SMTP_URL and MAIL_API_URL.
 */
export function testEndpoints(env: NodeJS.ProcessEnv = process.env): InfraEndpoints {
  const missing = ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL', 'SMTP_URL'].filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: the integration global setup (libs/testing/src/global-setup.ts) did not run. ` +
        `Run integration specs with \`npx jest --selectProjects integration\`, or export the variables to point at running servers.`,
    );
  }
  return {
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    mongoUrl: env.MONGO_URL ?? '',
    keycloakUrl: (env.KEYCLOAK_URL ?? '').replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL ?? '',
    mailApiUrl: env.MAIL_API_URL ? env.MAIL_API_URL.replace(/\/+$/, '') : null,
  };
}
