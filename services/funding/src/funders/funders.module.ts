import { Module } from '@nestjs/common';
import { FundersResolver } from './funders.resolver';

@Module({ providers: [FundersResolver] })
export class FundersModule {}
