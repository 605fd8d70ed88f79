import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

export interface HealthModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...dependencies: never[]) => ReadinessCheck[];
}

@Module({})
export class HealthModule {
  static register(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, inject: options.inject ?? [], useFactory: options.useFactory }],
    };
  }
}
