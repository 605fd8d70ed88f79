import type { LoggerService } from '@nestjs/common';
import type { LogWriter } from '@graphql-hive/gateway-runtime';

type HiveLevel = Parameters<LogWriter['write']>[0];
type HiveAttributes = Parameters<LogWriter['write']>[1];

/**
 * A Hive Logger writer that hands the runtime's own log lines (composition,
 * subgraph fetch failures, masked errors) to our logger instead of Hive's
 * coloured console printer. In the running gateway the Nest logger is
 * `JsonLogger` (main.ts), so they come out as one JSON object per line with
 * the trace ids, like every other line of the platform; attributes become fields.
 */
export class HiveLogWriter implements LogWriter {
  constructor(
    private readonly logger: LoggerService,
    /** Appended as the Nest logger context; leave out when `logger` is a Nest `Logger` that has its own. */
    private readonly context?: string,
  ) {}

  write(level: HiveLevel, attrs: HiveAttributes, msg: string | null | undefined): void {
    // The Hive Logger has already turned class instances (errors included) into plain objects.
    const fields = attrs == null ? undefined : Array.isArray(attrs) ? { attrs } : attrs;
    const message = msg ?? '';
    const args: unknown[] = [...(fields ? [fields] : []), ...(this.context ? [this.context] : [])];
    switch (level) {
      case 'error':
        this.logger.error(message, ...args);
        break;
      case 'warn':
        this.logger.warn(message, ...args);
        break;
      case 'info':
        this.logger.log(message, ...args);
        break;
      default:
        this.logger.debug?.(message, ...args);
    }
  }
}
