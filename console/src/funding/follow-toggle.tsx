import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ListError } from '../planning/form-errors';

const FollowOpportunityMutation = graphql(`
  mutation FollowOpportunity($opportunityId: ID!) {
    followOpportunity(opportunityId: $opportunityId) {
      opportunityId
      reminderDays
    }
  }
`);

export const UnfollowOpportunityMutation = graphql(`
  mutation UnfollowOpportunity($opportunityId: ID!) {
    unfollowOpportunity(opportunityId: $opportunityId)
  }
`);

/**
 * Follow or stop following one opportunity (a toggle button, `aria-pressed`):
 * a followed call's changes are alerted and its deadline reminded (14 and 3
 * days before unless changed on the Followed screen). For any screen that
 * shows an opportunity; `followed` is `OpportunityView.followed`.
 */
export function FollowToggle({
  opportunityId,
  title,
  followed,
  describedBy,
  onChange,
}: {
  opportunityId: string;
  title: string;
  followed: boolean;
  /** The id of the opportunity's title on the page, so that a list of toggles each say which call they follow. */
  describedBy?: string;
  onChange?: (followed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(followed);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [following, follow] = useMutation(FollowOpportunityMutation);
  const [leaving, unfollow] = useMutation(UnfollowOpportunityMutation);
  const toggle = async () => {
    setRefusal(undefined);
    const answer = now ? await unfollow({ opportunityId }) : await follow({ opportunityId });
    if (answer.error) setRefusal(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
    else {
      setNow(!now);
      onChange?.(!now);
    }
  };
  return (
    <>
      <Button
        size="xs"
        variant={now ? 'filled' : 'default'}
        aria-pressed={now}
        aria-describedby={describedBy}
        title={now ? t('fundingWork.follows.unfollowNamed', { title }) : t('fundingWork.follows.followNamed', { title })}
        loading={following.fetching || leaving.fetching}
        onClick={() => void toggle()}
        data-testid="follow-toggle"
      >
        {now ? t('fundingWork.follows.following') : t('fundingWork.follows.follow')}
      </Button>
      <ListError message={refusal} />
    </>
  );
}
