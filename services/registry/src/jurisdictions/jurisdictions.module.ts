import { Module } from '@nestjs/common';
import { JurisdictionErasureController } from './jurisdiction-erasure.controller';
import { JurisdictionRepository } from './jurisdiction.repository';
import { JurisdictionResolver } from './jurisdiction.resolver';
import { JurisdictionService } from './jurisdiction.service';
import { KEYCLOAK_ADMIN_SETTINGS, KeycloakUserDirectory, KeycloakUserDirectoryOptions } from './users/keycloak-user-directory';
import { UserAdminService } from './users/user-admin.service';
import { USER_DIRECTORY } from './users/user-directory.port';

@Module({
  controllers: [JurisdictionErasureController],
  providers: [
    { provide: USER_DIRECTORY, inject: [KEYCLOAK_ADMIN_SETTINGS], useFactory: (settings: KeycloakUserDirectoryOptions) => new KeycloakUserDirectory(settings) },
    JurisdictionRepository,
    JurisdictionService,
    UserAdminService,
    JurisdictionResolver,
  ],
  exports: [JurisdictionRepository],
})
export class JurisdictionsModule {}
