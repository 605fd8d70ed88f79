import { z } from 'zod';
import { env, loadConfig } from '@entente/config';

const subgraphUrl = (port: number) => env.url().default(`http://127.0.0.1:${port}/graphql`);

export const gatewayConfigSchema = z.object({
  GATEWAY_PORT: env.port(4000),
  /** Interface to listen on; 0.0.0.0 in containers. */
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  KEYCLOAK_URL: env.url(),
  KEYCLOAK_REALM: z.string().regex(/^[\w-]+$/, 'must be a Keycloak realm name such as entente').default('entente'),
  AUTH_AUDIENCE: z.string().min(1).default('entente-gateway'),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /**
   * The gateway's confidential client, used to introspect every token so a
   * deactivated user is refused at once. Without a secret, tokens are only
   * verified locally and stay usable until they expire (5 minutes).
   */
  AUTH_INTROSPECTION_CLIENT_ID: z.string().min(1).default('entente-gateway'),
  AUTH_INTROSPECTION_CLIENT_SECRET: z.string().min(1).optional(),
  REGISTRY_URL: subgraphUrl(4101),
  PLANNING_URL: subgraphUrl(4102),
  FUNDING_URL: subgraphUrl(4103),
  NETWORK_URL: subgraphUrl(4104),
  /** How long boot waits for every subgraph to answer before giving up. */
  SUPERGRAPH_TIMEOUT_MS: env.positiveInt(60_000),
  /**
   * Browser origins allowed to call the API cross-origin, comma-separated
   * (e.g. a console served apart from its API). Empty: none — the console's
   * own server forwards /graphql, so the browser never calls the gateway
   * cross-origin.
   */
  GATEWAY_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
    .pipe(z.array(z.url({ message: 'must list origins such as http://127.0.0.1:4200, comma-separated' }).refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, 'must be an origin (scheme, host and port only), such as http://127.0.0.1:4200'))),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
}

export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig('gateway', gatewayConfigSchema, source);
}

/**
 * The runtime's CORS answer: only the configured origins, never a reflected
 * one (the runtime's default would echo any origin, credentials included).
 */
export function corsOf(config: Pick<GatewayConfig, 'GATEWAY_CORS_ORIGINS'>): false | { origin: string[]; credentials: false; methods: string[]; allowedHeaders: string[]; maxAge: number } {
  if (config.GATEWAY_CORS_ORIGINS.length === 0) return false;
  return {
    origin: config.GATEWAY_CORS_ORIGINS,
    // Bearer tokens, not cookies.
    credentials: false,
    methods: ['POST', 'GET', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'traceparent', 'tracestate'],
    maxAge: 600,
  };
}

/** The subgraphs the gateway composes, in a stable order. */
export function subgraphsOf(config: GatewayConfig): SubgraphEndpoint[] {
  return [
    { name: 'registry', url: config.REGISTRY_URL },
    { name: 'planning', url: config.PLANNING_URL },
    { name: 'funding', url: config.FUNDING_URL },
    { name: 'network', url: config.NETWORK_URL },
  ];
}
