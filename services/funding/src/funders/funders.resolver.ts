import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { AnyRole, AuthenticatedGuard } from '@entente/auth';
import { FUNDER_TYPES } from './funder-types';
import { FunderType } from './funder-type.model';

@Resolver(() => FunderType)
@UseGuards(AuthenticatedGuard)
@AnyRole()
export class FundersResolver {
  @Query(() => [FunderType], { description: 'The kinds of funder that opportunities are classified by.' })
  funderTypes(): FunderType[] {
    return FUNDER_TYPES.map((type) => ({ ...type }));
  }
}
