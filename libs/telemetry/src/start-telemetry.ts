import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { z } from 'zod';
import { env, loadConfigOrExit, loadConfig } from '@entente/config';

const telemetryConfigSchema = z.object({
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none'], { message: 'must be otlp or none' }).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: env.url().default('http://127.0.0.1:4318'),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(1).default(1000),
});

export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;

export interface Telemetry {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK. It must run before the application's modules are
 * loaded (each main.ts imports its `tracing.ts` first), so that the http,
 * express, graphql and mongodb instrumentations can patch them. Kafka spans are
 * made by @entente/messaging itself, which owns the client.
 */
export function startTelemetry(serviceName: string, environment: NodeJS.ProcessEnv = process.env): Telemetry {
  const config = loadConfigOrExit(() => loadConfig(`${serviceName} telemetry`, telemetryConfigSchema, environment));
  const spanProcessors: SpanProcessor[] = [];
  if (config.OTEL_TRACES_EXPORTER === 'otlp') {
    const exporter = new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` });
    spanProcessors.push(new BatchSpanProcessor(exporter, { scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY }));
  }
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => (request.url ?? '').startsWith('/health') }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new MongoDBInstrumentation(),
    ],
  });
  sdk.start();
  started = sdk;
  return { shutdown: () => sdk.shutdown() };
}

let started: NodeSDK | undefined;

/** Flushes and stops the SDK this process started, if any: the last spans leave before exit. */
export async function shutdownTelemetry(): Promise<void> {
  const sdk = started;
  started = undefined;
  await sdk?.shutdown();
}
