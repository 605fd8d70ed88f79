import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplication, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import {
  Args,
  Directive,
  Field,
  GraphQLModule,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { GraphQLError } from 'graphql';
import {
  AuthenticatedGuard,
  CurrentIdentity,
  graphqlAuthContext,
  type Identity,
  Roles,
  RolesGuard,
  TokenVerifier,
} from '@entente/auth';
import { LocalIssuer } from '@entente/testing';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

/** What the planning subgraph saw of the requests the gateway made to it. */
const seenByPlanning: Array<{ authorization?: string; traceparent?: string; identity: Identity | null }> = [];

// --- registry subgraph: owns Jurisdiction -----------------------------------

@ObjectType('Jurisdiction')
@Directive('@key(fields: "id")')
class RegistryJurisdiction {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@Resolver(() => RegistryJurisdiction)
class RegistryResolver {
  @Query(() => RegistryJurisdiction)
  @UseGuards(AuthenticatedGuard)
  myJurisdiction(@CurrentIdentity() identity: Identity): RegistryJurisdiction {
    return { id: identity.jurisdictionId, name: `Jurisdiction ${identity.jurisdictionId}` };
  }

  @Query(() => String)
  @UseGuards(AuthenticatedGuard)
  renameJurisdiction(@Args('name') name: string): string {
    if (name.length < 3) {
      throw new GraphQLError('The name must have at least 3 characters.', {
        extensions: { code: 'BAD_USER_INPUT', field: 'name' },
      });
    }
    return name;
  }

  @Query(() => Int)
  @UseGuards(AuthenticatedGuard)
  countNames(@Args('names', { type: () => [String] }) names: string[]): number {
    return names.length;
  }

  @Query(() => String)
  @UseGuards(AuthenticatedGuard)
  crash(): string {
    throw new Error('connection to mongodb://admin:secret@10.0.0.5 refused');
  }

  @Query(() => String)
  @UseGuards(AuthenticatedGuard, RolesGuard)
  @Roles('platform-admin', 'jurisdiction-admin')
  adminOnly(): string {
    return 'secret';
  }

  @ResolveReference()
  resolveReference(ref: { id: string }): RegistryJurisdiction {
    return { id: ref.id, name: `Jurisdiction ${ref.id}` };
  }
}

// --- planning subgraph: contributes Jurisdiction.plans ----------------------
// Schema-first: code-first type metadata is process-global in @nestjs/graphql,
// so two code-first subgraphs declaring the same entity cannot share one process.

const PLANNING_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { plans: [Plan!]! }
  type Plan { id: ID! title: String! }
  type Jurisdiction @key(fields: "id") { id: ID! plans: [Plan!]! }
`;

interface Plan {
  id: string;
  title: string;
}

@Resolver('Jurisdiction')
class PlanningResolver {
  @Query('plans')
  @UseGuards(AuthenticatedGuard)
  plans(@CurrentIdentity() identity: Identity): Plan[] {
    return [{ id: 'p0', title: `plan of ${identity.jurisdictionId}` }];
  }

  @ResolveField('plans')
  @UseGuards(AuthenticatedGuard)
  jurisdictionPlans(@Parent() parent: { id: string }): Plan[] {
    return [{ id: `${parent.id}-p1`, title: `Twinning with Lyon (${parent.id})` }];
  }

  @ResolveReference()
  resolveReference(ref: { id: string }): { id: string } {
    return { id: ref.id };
  }
}

async function startSubgraph(
  name: string,
  resolver: new (...args: never[]) => unknown,
  verifier: TokenVerifier,
  options: Partial<ApolloFederationDriverConfig> = {},
): Promise<{ app: INestApplication; url: string }> {
  const auth = graphqlAuthContext(verifier);
  @Module({
    imports: [
      GraphQLModule.forRoot<ApolloFederationDriverConfig>({
        driver: ApolloFederationDriver,
        // @apollo/subgraph 2.14 links federation v2.14 by default; the composer knows up to v2.9.
        autoSchemaFile: {
          federation: {
            version: 2,
            importUrl: 'https://specs.apollo.dev/federation/v2.9',
            directives: ['@key', '@shareable', '@external', '@requires', '@provides', '@override', '@inaccessible', '@tag'],
          },
        },
        path: '/graphql',
        context: auth,
        ...options,
      }),
    ],
    providers: [resolver],
  })
  class SubgraphModule {}
  Object.defineProperty(SubgraphModule, 'name', { value: `${name}SubgraphModule` });
  const app = await NestFactory.create(SubgraphModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/graphql` };
}

describe('gateway (in-process subgraphs, local JWKS)', () => {
  let issuer: LocalIssuer;
  let registry: { app: INestApplication; url: string };
  let planning: { app: INestApplication; url: string };
  let gateway: INestApplication;
  let gatewayUrl: string;

  beforeAll(async () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    issuer = await LocalIssuer.start();
    const verifier = new TokenVerifier({ keycloakUrl: issuer.keycloakUrl });
    // This subgraph leaks stack traces on purpose: the gateway must not pass them on.
    registry = await startSubgraph('Registry', RegistryResolver, verifier, { includeStacktraceInErrorResponses: true });
    planning = await startSubgraph('Planning', PlanningResolver, verifier, {
      autoSchemaFile: undefined,
      typeDefs: PLANNING_SDL,
      context: async (ctx: { req: { headers: Record<string, string | undefined> } }) => {
        const context = await graphqlAuthContext(verifier)(ctx as never);
        const { authorization, traceparent } = ctx.req.headers;
        if (authorization) seenByPlanning.push({ authorization, traceparent, identity: context.identity });
        return context;
      },
    });
    const config = loadGatewayConfig({
      KEYCLOAK_URL: issuer.keycloakUrl,
      SUPERGRAPH_TIMEOUT_MS: '10000',
    });
    gateway = await createGatewayApp(config, {
      logger: false,
      subgraphs: [
        { name: 'registry', url: registry.url },
        { name: 'planning', url: planning.url },
      ],
    });
    await gateway.listen(0, '127.0.0.1');
    gatewayUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await registry?.app.close();
    await planning?.app.close();
    await issuer?.stop();
    propagation.disable();
  });

  type GraphQLBody = {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };

  async function graphql(query: string, token?: string | null, headers: Record<string, string> = {}) {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  }

  it('federates one query across both subgraphs, each verifying the forwarded token', async () => {
    seenByPlanning.length = 0;
    const token = await issuer.sign({ sub: 'u-7', jurisdiction: 'jur-lyon', roles: ['staff'] });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { status, body } = await graphql('query MyPlans { myJurisdiction { id name plans { title } } }', token, {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });

    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toEqual({
      myJurisdiction: { id: 'jur-lyon', name: 'Jurisdiction jur-lyon', plans: [{ title: 'Twinning with Lyon (jur-lyon)' }] },
    });
    expect(seenByPlanning).toHaveLength(1);
    expect(seenByPlanning[0].authorization).toBe(`Bearer ${token}`);
    expect(seenByPlanning[0].identity).toMatchObject({ userId: 'u-7', jurisdictionId: 'jur-lyon', roles: ['staff'] });
    expect(seenByPlanning[0].traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
  });

  it.each([
    ['no token', async () => null, 'missing_token'],
    ['an expired token', async () => issuer.sign({ expiresInSeconds: -120 }), 'expired_token'],
    ['a token signed by a foreign key', async () => issuer.sign({ key: await LocalIssuer.newKey() }), 'unknown_signing_key'],
  ])('refuses %s with HTTP 401 UNAUTHENTICATED', async (_label, token, reason) => {
    const { status, body } = await graphql('{ plans { title } }', await token());
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }] });
  });

  it("passes a subgraph's BAD_USER_INPUT through with its field", async () => {
    const { body } = await graphql('{ renameJurisdiction(name: "x") }', await issuer.sign());
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: 'The name must have at least 3 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
    expect(body.errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });

  it("passes FORBIDDEN through naming the needed roles", async () => {
    const { body } = await graphql('{ adminOnly }', await issuer.sign({ roles: ['viewer'] }));
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', requiredRoles: ['platform-admin', 'jurisdiction-admin'] },
    });
    const admin = await graphql('{ adminOnly }', await issuer.sign({ roles: ['platform-admin'] }));
    expect(admin.body.data).toEqual({ adminOnly: 'secret' });
  });

  it.each([
    ['a variable of the wrong type', 'query($name: String!) { renameJurisdiction(name: $name) }', { name: 12345 }, 'BAD_USER_INPUT', 'name', /^Variable "\$name" got invalid value 12345/],
    ['a null non-null variable', 'query($name: String!) { renameJurisdiction(name: $name) }', { name: null }, 'BAD_USER_INPUT', 'name', /^Variable "\$name" of non-null type "String!" must not be null/],
    ['a list item of the wrong type', 'query($names: [String!]!) { countNames(names: $names) }', { names: ['ok', 'fine', { note: 'x at "names[9]"; ' }] }, 'BAD_USER_INPUT', 'names[2]', /^Variable "\$names" got invalid value .* at "names\[2\]"/],
    ['a field the schema lacks', '{ noSuchField }', {}, 'GRAPHQL_VALIDATION_FAILED', undefined, /Cannot query field "noSuchField"/],
    ['a document that does not parse', '{ renameJurisdiction(', {}, 'GRAPHQL_PARSE_FAILED', undefined, /^Syntax Error/],
  ])("answers %s with a client code and GraphQL's own message, not an internal error", async (_label, query, variables, code, field, message) => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.sign()}` },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions?.code).toBe(code);
    expect(body.errors?.[0].extensions?.field).toBe(field);
    expect(body.errors?.[0].message).toMatch(message);
  });

  it("answers more than 50 wrong variable values (51 nulls) with BAD_USER_INPUT only, GraphQL's error limit included", async () => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.sign()}` },
      body: JSON.stringify({ query: 'query($names: [String!]!) { countNames(names: $names) }', variables: { names: Array(51).fill(null) } }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors).toHaveLength(51);
    expect(body.errors?.filter((error) => error.extensions?.code !== 'BAD_USER_INPUT')).toEqual([]);
    expect(body.errors?.[0].extensions?.field).toBe('names[0]');
    expect(body.errors?.[50]).toEqual({
      message: 'Too many invalid variable values; fix the ones listed and retry (GraphQL stops checking after 50)',
      extensions: { code: 'BAD_USER_INPUT', field: 'names' },
    });
  });

  it('refuses a body with bytes that are not UTF-8 (half an emoji as CESU-8 writes it) naming the variable', async () => {
    const json = Buffer.from(JSON.stringify({ query: 'query($name: String!) { renameJurisdiction(name: $name) }', variables: { name: 'Lyon __' } }));
    const at = json.indexOf('__');
    const body = Buffer.concat([json.subarray(0, at), Buffer.from([0xed, 0xa0, 0xbd]), json.subarray(at + 2)]);
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.sign()}` },
      body,
    });
    expect(response.status).toBeLessThan(500);
    const answer = (await response.json()) as GraphQLBody;
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(answer.errors?.[0].message).toMatch(/^name: has bytes that are not UTF-8 /);
    expect(JSON.stringify(answer)).not.toContain('\uFFFD');
  });

  it('masks an internal subgraph error: no message internals, no stack trace', async () => {
    const { body } = await graphql('{ crash }', await issuer.sign());
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].message).toBe('Internal server error');
    expect(body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const raw = JSON.stringify(body);
    expect(raw).not.toMatch(/stacktrace|mongodb:|secret@| at /);
  });

  it('a subgraph refuses a forged token sent to it directly (it does not trust the gateway blindly)', async () => {
    const forged = await issuer.sign({ key: await LocalIssuer.newKey() });
    const response = await fetch(planning.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ plans { title } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'unknown_signing_key' });
  });

  it('reports live and ready', async () => {
    expect((await fetch(`${gatewayUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${gatewayUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      supergraph: 'composed',
      subgraphs: { registry: 'up', planning: 'up' },
    });
  });
});
