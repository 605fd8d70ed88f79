import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles } from '@entente/auth';
import { CountryTies } from './country-ties.model';
import { TiesService } from './ties.service';

@Resolver(() => CountryTies)
@UseGuards(AuthenticatedGuard)
export class TiesResolver {
  constructor(private readonly ties: TiesService) {}

  @Query(() => [CountryTies], { description: 'Your jurisdiction’s partners counted by country, most first.' })
  @Roles(...READER_ROLES)
  myTiesByCountry(@CurrentIdentity() identity: Identity): Promise<CountryTies[]> {
    return this.ties.tiesByCountry(identity);
  }
}
