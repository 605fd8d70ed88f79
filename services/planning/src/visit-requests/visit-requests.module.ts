import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { VisitRequestRepository } from './visit-request.repository';
import { VisitRequestResolver } from './visit-request.resolver';
import { VisitRequestService } from './visit-request.service';

@Module({ imports: [PlansModule, PrioritiesModule], providers: [VisitRequestRepository, VisitRequestService, VisitRequestResolver] })
export class VisitRequestsModule {}
