/**
 * The smallest logger the messaging lib needs. `@entente/telemetry`'s JsonLogger
 * and Nest loggers satisfy it; the lib never writes to the console on its own
 * except through the default below.
 */
export interface MessagingLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** One JSON line per message on stdout/stderr: readable by the same log pipeline as the services'. */
export const jsonConsoleLogger: MessagingLogger = {
  log: (message, context) => process.stdout.write(`${line('info', message, context)}\n`),
  warn: (message, context) => process.stderr.write(`${line('warn', message, context)}\n`),
  error: (message, context) => process.stderr.write(`${line('error', message, context)}\n`),
};

function line(level: string, message: string, context?: Record<string, unknown>): string {
  return JSON.stringify({ time: new Date().toISOString(), level, component: 'messaging', msg: message, ...context });
}
