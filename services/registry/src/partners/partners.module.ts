import { Module } from '@nestjs/common';
import { PartnerRepository } from './partner.repository';
import { PartnerResolver } from './partner.resolver';
import { PartnerService } from './partner.service';

@Module({ providers: [PartnerRepository, PartnerService, PartnerResolver], exports: [PartnerRepository, PartnerService] })
export class PartnersModule {}
