import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { PartnerSearchKind } from '../gql/graphql';
import { FormErrors } from '../planning/form-errors';
import { ERROR_COLOUR, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { DialogActions } from './confirm-dialog';

const PostMutation = graphql(`
  mutation PostPartnerSearch($input: PostPartnerSearchInput!) {
    postPartnerSearch(input: $input) {
      id
    }
  }
`);

const AnswerMutation = graphql(`
  mutation AnswerPartnerSearch($searchId: ID!, $message: String!) {
    answerPartnerSearch(searchId: $searchId, message: $message) {
      id
    }
  }
`);

const KINDS: PartnerSearchKind[] = ['PARTNER_CITY', 'CO_APPLICANT'];
const POST_FIELDS = ['kind', 'country', 'opportunityId', 'description'] as const;
const NO_ERRORS = { byField: {}, general: [] };

/** What a member looks for, posted on the board: a partner city in a country, or a co-applicant for a funding call. */
export function PostPartnerSearchForm({ networkId, onPosted }: { networkId: string; onPosted: () => void }) {
  const { t } = useTranslation();
  const empty = { kind: 'PARTNER_CITY' as PartnerSearchKind, country: '', opportunityId: '', description: '' };
  const [state, setState] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<(typeof POST_FIELDS)[number]>>(NO_ERRORS);
  const [result, post] = useMutation(PostMutation);
  const set = (key: keyof typeof empty, value: string) => setState((previous) => ({ ...previous, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const city = state.kind === 'PARTNER_CITY';
    const answer = await post({
      input: {
        networkId,
        kind: state.kind,
        country: city ? state.country.trim().toUpperCase() : null,
        opportunityId: city ? null : state.opportunityId.trim(),
        description: state.description,
      },
    });
    if (answer.error) return setErrors(refusalOf(POST_FIELDS, answer.error));
    setErrors(NO_ERRORS);
    setState(empty);
    onPosted();
  };
  return (
    <Section id="board-post-heading" title={t('network.board.postTitle')} testId="board-post">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('network.board.postTitle')} style={ERROR_COLOUR}>
        <Stack gap="sm" maw={640}>
          <Group grow align="flex-start">
            <Select
              id="search-kind"
              label={t('network.board.fields.kind')}
              data={KINDS.map((value) => ({ value, label: t(`network.board.kinds.${value}`) }))}
              value={state.kind}
              onChange={(value) => value && set('kind', value)}
              allowDeselect={false}
              error={errors.byField.kind}
            />
            {state.kind === 'PARTNER_CITY' ? (
              <TextInput id="search-country" label={t('network.board.fields.country')} description={t('network.board.hints.country')} required value={state.country} onChange={(e) => set('country', e.currentTarget.value)} error={errors.byField.country} />
            ) : (
              <TextInput id="search-call" label={t('network.board.fields.opportunityId')} description={t('network.board.hints.opportunityId')} required value={state.opportunityId} onChange={(e) => set('opportunityId', e.currentTarget.value)} error={errors.byField.opportunityId} />
            )}
          </Group>
          <Textarea id="search-description" label={t('network.board.fields.description')} description={t('network.board.hints.description')} required autosize minRows={2} value={state.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.byField.description} />
          <FormErrors errors={errors} />
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('network.board.post')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** Another member's answer to an open post, written in a dialog. */
export function AnswerDialog({ searchId, member, onClose, onAnswered }: { searchId: string; member: string; onClose: () => void; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'message'>>(NO_ERRORS);
  const [result, answer] = useMutation(AnswerMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answered = await answer({ searchId, message });
    if (answered.error) return setErrors(refusalOf(['message'] as const, answered.error));
    onAnswered();
  };
  return (
    <Modal opened onClose={onClose} title={t('network.board.answerTitle', { member })} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('network.board.answerTitle', { member })} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Textarea id="search-answer" label={t('network.board.message')} required autosize minRows={3} value={message} error={errors.byField.message} onChange={(e) => setMessage(e.currentTarget.value)} data-autofocus />
          <FormErrors errors={errors} />
          <DialogActions label={t('network.board.answerSubmit')} busy={result.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
