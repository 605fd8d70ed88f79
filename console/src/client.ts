import { createClient as createSseClient } from 'graphql-sse';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import type { Auth } from './auth';

/**
 * GraphQL through the console's own origin (/graphql, forwarded to the gateway), with a fresh token on every request.
 * A 401 (the gateway refuses a deactivated user's or an ended session's token) calls `onRefused`: the person is told and sent to sign in, not shown a raw error.
 * Subscriptions (the alert inbox's alertReceived) go over server-sent events to the same /graphql (graphql-sse, one connection per subscription, as the gateway serves them).
 */
export function createClient(auth: Auth, onRefused: () => void = () => undefined): Client {
  const authorised = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${await auth.freshToken()}`);
    const response = await fetch(input, { ...init, headers });
    if (response.status === 401) onRefused();
    return response;
  };
  const events = createSseClient({
    url: '/graphql',
    fetchFn: authorised,
    // A dropped stream (the gateway restarted, the laptop slept) is opened again, a little later each time.
    retryAttempts: 20,
  });
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: events.subscribe({ query: request.query ?? '', variables: request.variables, operationName: request.operationName }, sink) }),
        }),
      }),
      fetchExchange,
    ],
    // Nothing a person sees should be older than their last action; mutations answer what they changed.
    requestPolicy: 'cache-and-network',
    // POST for queries too: no operation or variables in URLs, logs or browser history.
    preferGetMethod: false,
    fetch: authorised,
  });
}
