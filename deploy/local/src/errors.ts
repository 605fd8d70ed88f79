/** An error whose message tells the developer what is missing and where to look. */
export class InfraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfraError';
  }
}

export const messages = {
  missingJava: (javaBin: string): string =>
    `'java' was not found (tried ${javaBin}). Install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.`,
  missingMaven: (): string =>
    `'mvn' was not found on the PATH. Install Maven (e.g. apt-get install maven); it fetches Kafka, mongo-java-server, Keycloak and GreenMail into .runtime/dist.`,
  portTaken: (server: string, port: number): string =>
    `${server}: port ${port} on 127.0.0.1 is already taken by another process (not one this launcher started). ` +
    `Stop that process, or point the ${envVarFor(server)} environment variable at it to use it as an external server.`,
  mavenFailed: (what: string, logPath: string): string =>
    `Maven fetch of ${what} failed; see the log at ${logPath} (only Maven Central must be reachable).`,
  healthTimeout: (server: string, seconds: number, logPath: string, last: string): string =>
    `${server} did not become healthy within ${seconds}s (last check: ${last}); see the log at ${logPath}.`,
  exitedEarly: (server: string, code: number | null, logPath: string): string =>
    `${server} exited during start-up (exit code ${code ?? 'signal'}); see the log at ${logPath}.`,
  externalUnhealthy: (server: string, envVar: string, value: string, last: string): string =>
    `${server}: ${envVar}=${value} points at an external server that is not healthy (${last}). Unset ${envVar} to let the launcher start one.`,
};

export function envVarFor(server: string): string {
  switch (server) {
    case 'kafka':
      return 'KAFKA_BROKERS';
    case 'mongo':
      return 'MONGO_URL';
    case 'keycloak':
      return 'KEYCLOAK_URL';
    case 'mail':
      return 'SMTP_URL';
    default:
      return `${server.toUpperCase()}_URL`;
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
