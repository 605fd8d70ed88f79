import { DynamicModule, Module } from '@nestjs/common';
import { JurisdictionErasureController } from './jurisdiction-erasure.controller';
import { JurisdictionRepository } from './jurisdiction.repository';
import { JurisdictionResolver } from './jurisdiction.resolver';
import { JurisdictionService } from './jurisdiction.service';
import { KeycloakUserDirectory, KeycloakUserDirectoryOptions } from './users/keycloak-user-directory';
import { UserAdminService } from './users/user-admin.service';
import { USER_DIRECTORY } from './users/user-directory.port';

@Module({})
export class JurisdictionsModule {
  static forRoot(keycloak: KeycloakUserDirectoryOptions): DynamicModule {
    return {
      module: JurisdictionsModule,
      controllers: [JurisdictionErasureController],
      providers: [
        { provide: USER_DIRECTORY, useValue: new KeycloakUserDirectory(keycloak) },
        JurisdictionRepository,
        JurisdictionService,
        UserAdminService,
        JurisdictionResolver,
      ],
      exports: [JurisdictionRepository],
    };
  }
}
