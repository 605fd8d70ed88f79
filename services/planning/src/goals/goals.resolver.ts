import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { AnyRole, AuthenticatedGuard } from '@entente/auth';
import { LOCAL_GOAL_CATALOGUE } from './local-goal-catalogue';
import { LocalGoalType } from './local-goal.model';

@Resolver(() => LocalGoalType)
@UseGuards(AuthenticatedGuard)
@AnyRole()
export class GoalsResolver {
  @Query(() => [LocalGoalType], { description: 'The standard local goals a strategy can serve; custom goals come on top.' })
  localGoalTypes(): LocalGoalType[] {
    return LOCAL_GOAL_CATALOGUE.map((goal) => ({ ...goal }));
  }
}
