import type { INestApplication, LoggerService } from '@nestjs/common';
import { shutdownTelemetry } from '@entente/telemetry';

/**
 * Graceful shutdown: on SIGTERM or SIGINT, close the app (consumers leave
 * their group, relays finish their pass, connections close, in Nest's hook
 * order), flush telemetry and exit 0; exit 1 if that fails or takes longer than `graceMs`.
 */
export function closeOnSignals(app: INestApplication, logger: LoggerService, graceMs = 20_000): void {
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.log(`${signal} received; shutting down`, 'Shutdown');
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${graceMs} ms; exiting`, undefined, 'Shutdown');
      process.exit(1);
    }, graceMs);
    timer.unref();
    app
      .close()
      .then(() => shutdownTelemetry())
      .then(
      () => {
        logger.log('stopped', 'Shutdown');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`, (error as Error).stack, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
