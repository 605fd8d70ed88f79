import { Client, cacheExchange, fetchExchange } from 'urql';
import type { Auth } from './auth';

/**
 * GraphQL through the console's own origin (/graphql, forwarded to the gateway), with a fresh token on every request.
 * A 401 (the gateway refuses a deactivated user's or an ended session's token) calls `onRefused`: the person is told and sent to sign in, not shown a raw error.
 */
export function createClient(auth: Auth, onRefused: () => void = () => undefined): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // Nothing a person sees should be older than their last action; mutations answer what they changed.
    requestPolicy: 'cache-and-network',
    // POST for queries too: no operation or variables in URLs, logs or browser history.
    preferGetMethod: false,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await auth.freshToken()}`);
      const response = await fetch(input, { ...init, headers });
      if (response.status === 401) onRefused();
      return response;
    },
  });
}
