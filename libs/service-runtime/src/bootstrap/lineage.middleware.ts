import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, requestLineage, runWithLineage } from '@entente/messaging';

/**
 * Runs each request inside its lineage (the correlation id the gateway
 * sends, or a new one), so every event a write of this request produces
 * carries it (OutboxRepository reads it), with no caller passing it on.
 */
export function lineageMiddleware() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    runWithLineage(requestLineage(request.headers[CORRELATION_HEADER]), next);
  };
}
