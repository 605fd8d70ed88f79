import { Client, cacheExchange, fetchExchange } from 'urql';
import type { Auth } from './auth';

/** GraphQL through the console's own origin (/graphql, forwarded to the gateway), with a fresh token on every request. */
export function createClient(auth: Auth): Client {
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
      return fetch(input, { ...init, headers });
    },
  });
}
