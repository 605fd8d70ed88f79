import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { createHandler } from 'graphql-sse/lib/use/express';
import { AuthenticationError, extractBearerToken, httpStatusFor, type Identity, TokenVerifier } from '@entente/auth';

const OPERATION = Symbol('subscription context');
type OperationContextValue = Record<PropertyKey, unknown> & SubscriptionContext;

/** What a subscription's resolvers get: the caller (as every operation's context) and a signal that aborts when the client goes. */
export interface SubscriptionContext {
  identity: Identity;
  req: Request;
  signal: AbortSignal;
}

/**
 * GraphQL subscriptions over SSE (the GraphQL over SSE protocol, distinct
 * connections mode, by graphql-sse) at the subgraph's /graphql: a request
 * that accepts `text/event-stream` is served here, every other one goes on
 * to Apollo Server, which serves no subscriptions over HTTP. The Hive
 * gateway subscribes to subgraphs exactly this way (its HTTP transport sends
 * a subscription as a GET with `Accept: text/event-stream` and the caller's
 * forwarded token), so subscriptions work through the gateway without a
 * WebSocket transport. The token is verified before the stream opens:
 * without a valid one the answer is 401, like any other operation's.
 */
@Injectable()
export class SseSubscriptionsMiddleware implements NestMiddleware {
  private readonly logger = new Logger('SseSubscriptions');
  private readonly handler = createHandler<OperationContextValue>({
    // The schema Nest built for the subgraph (its module is not global: looked up, not injected).
    schema: () => this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema,
    // Always distinct connections: one stream per subscription, closed with it.
    authenticate: () => null,
    context: (req) => (req.raw as Request & { [OPERATION]: OperationContextValue })[OPERATION],
  });

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly verifier: TokenVerifier,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const accept = req.headers.accept ?? '';
    if (!accept.includes('text/event-stream')) return next();
    void this.serve(req, res);
  }

  private async serve(req: Request, res: Response): Promise<void> {
    let identity: Identity;
    try {
      const token = extractBearerToken(req.headers.authorization);
      if (token === null) throw new AuthenticationError('missing_token');
      identity = await this.verifier.verify(token);
    } catch (error) {
      const status = error instanceof AuthenticationError ? httpStatusFor(error) : 503;
      const reason = error instanceof AuthenticationError ? error.reason : 'verification_unavailable';
      res.status(status).json({ errors: [{ message: 'A subscription needs a valid access token.', extensions: { code: 'UNAUTHENTICATED', reason } }] });
      return;
    }
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const operation: OperationContextValue = { identity, req, signal: aborted.signal };
    (req as Request & { [OPERATION]?: unknown })[OPERATION] = operation;
    try {
      await this.handler(req, res);
    } catch (error) {
      this.logger.error(`subscription stream failed: ${(error as Error).message}`);
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  }
}
