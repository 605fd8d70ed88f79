import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { LoggerService, LogLevel } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * One JSON object per line with the active trace and span ids, so that a log
 * line leads to its trace. Implements Nest's LoggerService and the small
 * `{ log, warn, error }` shape the libs accept.
 */
export interface JsonLoggerOptions {
  /**
   * The client error code of an error a caller caused (bad input, a missing
   * role), or null. Nest's exception handler logs every error a resolver
   * throws at error level with its stack; such an error is the caller's
   * mistake, answered as such, so it is written as one info line instead.
   */
  clientErrorCode?: (error: Error) => string | null;
}

export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly options: JsonLoggerOptions = {},
  ) {}

  log(message: unknown, ...context: unknown[]): void {
    this.emit('info', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.emit('warn', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    const code = message instanceof Error ? this.options.clientErrorCode?.(message) : null;
    if (!code) return this.emit('error', message, context);
    // The logger context (the last string) stays; the stack before it goes.
    const name = context.filter((item): item is string => typeof item === 'string').pop();
    this.emit('info', `answered ${code}: ${(message as Error).message}`, name === undefined ? [] : [name]);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.emit('debug', message, context);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // Every level is written; filtering belongs to the log pipeline.
  }

  private emit(level: Level, message: unknown, context: unknown[]): void {
    const spanContext = trace.getActiveSpan()?.spanContext();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      msg: message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message),
    };
    // Nest passes the logger context (a class name) last, and a stack before it for errors.
    for (const item of context) {
      // Structured context ({ eventId, topic, … }) becomes fields of the line.
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) Object.assign(entry, item);
    }
    const strings = context.filter((item): item is string => typeof item === 'string');
    if (strings.length > 0) entry.context = strings[strings.length - 1];
    if (level === 'error' && strings.length > 1) entry.stack = strings[0];
    if (message instanceof Error && message.stack) entry.stack = message.stack;
    // No span, or a non-recording placeholder (all-zero ids): no ids rather than zeros.
    if (spanContext && isSpanContextValid(spanContext)) {
      entry.trace_id = spanContext.traceId;
      entry.span_id = spanContext.spanId;
    }
    this.write(JSON.stringify(entry));
  }
}
