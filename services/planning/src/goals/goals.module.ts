import { Module } from '@nestjs/common';
import { GoalsResolver } from './goals.resolver';

@Module({ providers: [GoalsResolver] })
export class GoalsModule {}
