import { Button, Group, Select, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import { FormErrors } from '../planning/form-errors';
import { ERROR_COLOUR } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { APPLICATION_FIELDS, ApplicationFields, type ApplicationFormState, applicationInput, emptyApplication } from './pipeline-fields';

const AddFundingApplicationMutation = graphql(`
  mutation AddFundingApplication($input: FundingApplicationInput!) {
    addFundingApplication(input: $input) {
      id
      title
    }
  }
`);

const PipelineOpportunitiesQuery = graphql(`
  query PipelineOpportunities {
    opportunityMatches(first: 50) {
      opportunityId
      title
      funder
      closesAt
      score
    }
  }
`);

const PipelineOpportunityQuery = graphql(`
  query PipelineOpportunity($id: ID!) {
    opportunity(id: $id) {
      id
      title
      funder
      closesAt
      award {
        currency
      }
    }
  }
`);

interface Taken {
  id: string;
  title: string;
  funder?: string | null;
  closesAt?: string | null;
  currency?: string | null;
}

function taken(current: ApplicationFormState, opportunity: Taken | null): ApplicationFormState {
  if (!opportunity) return { ...current, opportunityId: null };
  return { ...current, opportunityId: opportunity.id, title: opportunity.title, funder: opportunity.funder ?? '', deadline: opportunity.closesAt ?? '', currency: opportunity.currency ?? current.currency };
}

/**
 * A new application, by hand or taken from an opportunity: one of the
 * jurisdiction's matches picked here, or the one the address names
 * (`?opportunity=<id>`, how the opportunity search hands one over).
 */
export function AddApplication({ opportunityId, onAdded }: { opportunityId: string | null; onAdded: (title: string, id: string) => void }) {
  const [{ data, fetching }] = useQuery({ query: PipelineOpportunityQuery, variables: { id: opportunityId ?? '' }, pause: !opportunityId });
  if (opportunityId && fetching) return <Busy />;
  const named = data?.opportunity;
  const handedOver: Taken | null = named ? { id: named.id, title: named.title, funder: named.funder, closesAt: named.closesAt, currency: named.award.currency } : null;
  return <AddForm key={handedOver?.id ?? 'by-hand'} handedOver={handedOver} onAdded={onAdded} />;
}

function AddForm({ handedOver, onAdded }: { handedOver: Taken | null; onAdded: (title: string, id: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [state, setState] = useState<ApplicationFormState>(() => taken(emptyApplication(jurisdiction.currency), handedOver));
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [result, add] = useMutation(AddFundingApplicationMutation);
  const [{ data: matches }] = useQuery({ query: PipelineOpportunitiesQuery });
  const take = (opportunity: Taken | null) => setState((current) => taken(current, opportunity));

  const options = [
    ...(handedOver && !matches?.opportunityMatches.some((match) => match.opportunityId === handedOver.id) ? [{ value: handedOver.id, label: handedOver.title }] : []),
    ...(matches?.opportunityMatches ?? []).map((match) => ({ value: match.opportunityId, label: `${match.title} (${match.score})` })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await add({ input: applicationInput(state) });
    if (answer.error) setErrors(refusalOf(APPLICATION_FIELDS, answer.error));
    else if (answer.data) {
      onAdded(answer.data.addFundingApplication.title, answer.data.addFundingApplication.id);
      setState(emptyApplication(jurisdiction.currency));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('fundingWork.add.title')}>
      <Stack gap="sm">
        <Select
          id="add-application-opportunity"
          label={t('fundingWork.add.from')}
          description={t('fundingWork.add.fromHint')}
          data={[{ value: '', label: t('fundingWork.add.byHand') }, ...options]}
          value={state.opportunityId ?? ''}
          onChange={(value) => {
            const match = matches?.opportunityMatches.find((candidate) => candidate.opportunityId === value);
            if (match) take({ id: match.opportunityId, title: match.title, funder: match.funder, closesAt: match.closesAt });
            else if (handedOver && handedOver.id === value) take(handedOver);
            else take(null);
          }}
          allowDeselect={false}
          searchable
          error={errors.byField.opportunityId}
        />
        <ApplicationFields prefix="add-application" state={state} onChange={setState} errors={errors} />
        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('fundingWork.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
