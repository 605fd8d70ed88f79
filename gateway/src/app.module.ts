import { type DynamicModule, Module } from '@nestjs/common';
import { TokenVerifier } from '@entente/auth';
import { type GatewayConfig, type SubgraphEndpoint, subgraphsOf } from './gateway.config';
import { GATEWAY_CONFIG, SUBGRAPHS } from './gateway.tokens';
import { HealthController } from './health/health.controller';
import { SupergraphService } from './supergraph/supergraph.service';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, subgraphs: readonly SubgraphEndpoint[] = subgraphsOf(config)): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: SUBGRAPHS, useValue: subgraphs },
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier({
              keycloakUrl: config.KEYCLOAK_URL,
              realm: config.KEYCLOAK_REALM,
              audience: config.AUTH_AUDIENCE,
              clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
              introspection: config.AUTH_INTROSPECTION_CLIENT_SECRET
                ? { clientId: config.AUTH_INTROSPECTION_CLIENT_ID, clientSecret: config.AUTH_INTROSPECTION_CLIENT_SECRET }
                : undefined,
            }),
        },
        SupergraphService,
      ],
      exports: [TokenVerifier, SupergraphService],
    };
  }
}
