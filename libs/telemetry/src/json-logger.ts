import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { LoggerService, LogLevel } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * One JSON object per line with the active trace and span ids, so that a log
 * line leads to its trace. Implements Nest's LoggerService and the small
 * `{ log, warn, error }` shape the libs accept.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(message: unknown, ...context: unknown[]): void {
    this.emit('info', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.emit('warn', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.emit('error', message, context);
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
