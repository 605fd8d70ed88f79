import { Badge, Button, Card, Group, List, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate, formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { DialogActions } from './confirm-dialog';

const SuggestionsQuery = graphql(`
  query NetworkSuggestions($networkId: ID!) {
    networkSuggestions(networkId: $networkId) {
      id
      kind
      score
      explanation
      deadline
      windowStart
      windowEnd
      estimatedSaving {
        amount
        currency
      }
      members {
        jurisdictionId
        name
      }
      evidence {
        jurisdictionId
        kind
        recordId
        summary
      }
    }
  }
`);

const DismissMutation = graphql(`
  mutation DismissSuggestion($id: ID!, $reason: String!) {
    dismissSuggestion(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const ProposeFromSuggestionMutation = graphql(`
  mutation ProposeJointEffortFromSuggestion($suggestionId: ID!, $title: String) {
    proposeJointEffortFromSuggestion(suggestionId: $suggestionId, title: $title) {
      id
      title
    }
  }
`);

interface Suggestion {
  id: string;
  kind: string;
  explanation: string;
}

type Dialog = { kind: 'dismiss' | 'propose'; suggestion: Suggestion };

/**
 * Joint opportunities spotted in what members shared, each with its score,
 * the members, the evidence and the explanation; a coordinator or an involved
 * member's admin dismisses one with a reason; an involved member's admin
 * makes a joint effort of it.
 */
export function SuggestionsPanel({ networkId, mayDismiss, mayPropose, onProposed }: { networkId: string; mayDismiss: boolean; mayPropose: boolean; onProposed: (title: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const kindOf = (suggestion: Suggestion) => t(`network.suggestions.kinds.${suggestion.kind}`, { defaultValue: suggestion.kind });
  const [{ data, error }, refetch] = useQuery({ query: SuggestionsQuery, variables: { networkId }, requestPolicy: 'network-only' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  return (
    <Section id="suggestions-heading" title={t('network.suggestions.title')} testId="suggestions">
      <Text size="sm" mb="sm">
        {t('network.suggestions.intro')}
      </Text>
      <Notice message={notice} onClose={() => setNotice(null)} />
      {data.networkSuggestions.length === 0 && <Text>{t('network.suggestions.empty')}</Text>}
      <Stack gap="sm">
        {data.networkSuggestions.map((suggestion) => (
          <Card key={suggestion.id} withBorder component="article" aria-labelledby={`suggestion-${suggestion.id}`} data-testid={`suggestion-${suggestion.id}`}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={3} size="h5" id={`suggestion-${suggestion.id}`}>
                {kindOf(suggestion)}
              </Title>
              <Badge color="indigo.9">{t('network.suggestions.score', { score: formatNumber(suggestion.score, jurisdiction, 0) })}</Badge>
            </Group>
            <Text mt={4}>{suggestion.explanation}</Text>
            <Text size="sm" mt={4}>
              {t('network.suggestions.members', { members: suggestion.members.map((member) => member.name).join(', ') })}
              {suggestion.deadline ? ` · ${t('network.suggestions.deadline', { date: formatDate(suggestion.deadline, jurisdiction) })}` : ''}
              {suggestion.windowStart ? ` · ${t('network.suggestions.window', { from: formatDate(suggestion.windowStart, jurisdiction), to: formatDate(suggestion.windowEnd ?? suggestion.windowStart, jurisdiction) })}` : ''}
              {suggestion.estimatedSaving ? ` · ${t('network.suggestions.saving', { amount: formatMoney(suggestion.estimatedSaving.amount, { locale: jurisdiction.locale, currency: suggestion.estimatedSaving.currency }) })}` : ''}
            </Text>
            <Text size="sm" fw={600} mt="xs">
              {t('network.suggestions.evidence')}
            </Text>
            <List size="sm">
              {suggestion.evidence.map((item) => (
                <List.Item key={`${item.kind}-${item.recordId}`}>{item.summary}</List.Item>
              ))}
            </List>
            {(mayDismiss || (mayPropose && suggestion.members.some((m) => m.jurisdictionId === jurisdiction.id))) && (
              <Group mt="sm">
                {mayPropose && suggestion.members.some((m) => m.jurisdictionId === jurisdiction.id) && (
                  <Button size="xs" aria-label={t('network.suggestions.proposeOf', { kind: kindOf(suggestion) })} onClick={() => setDialog({ kind: 'propose', suggestion })}>
                    {t('network.suggestions.propose')}
                  </Button>
                )}
                {mayDismiss && (
                  <Button size="xs" variant="default" aria-label={t('network.suggestions.dismissOf', { kind: kindOf(suggestion) })} onClick={() => setDialog({ kind: 'dismiss', suggestion })}>
                    {t('network.suggestions.dismiss')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
      </Stack>
      {dialog?.kind === 'propose' && (
        <ProposeFromSuggestionDialog
          suggestion={dialog.suggestion}
          onClose={() => setDialog(null)}
          onProposed={(title) => {
            setDialog(null);
            onProposed(title);
          }}
        />
      )}
      {dialog?.kind === 'dismiss' && (
        <DismissDialog
          suggestion={dialog.suggestion}
          onClose={() => setDialog(null)}
          onDismissed={() => {
            setDialog(null);
            setNotice(t('network.suggestions.dismissed'));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Section>
  );
}

function DismissDialog({ suggestion, onClose, onDismissed }: { suggestion: Suggestion; onClose: () => void; onDismissed: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'reason'>>({ byField: {}, general: [] });
  const [result, dismiss] = useMutation(DismissMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await dismiss({ id: suggestion.id, reason });
    if (answer.error) return setErrors(refusalOf(['reason'] as const, answer.error));
    onDismissed();
  };
  return (
    <Modal opened onClose={onClose} title={t('network.suggestions.dismissTitle')} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} aria-label={t('network.suggestions.dismissTitle')} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Text size="sm">{suggestion.explanation}</Text>
          <Textarea label={t('network.suggestions.reason')} required autosize minRows={2} value={reason} error={errors.byField.reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <GeneralErrors messages={errors.general} />
          <DialogActions label={t('network.suggestions.dismiss')} busy={result.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A joint effort made of a suggestion: its members with equal shares, the caller's jurisdiction the lead; the title may be left to the API. */
function ProposeFromSuggestionDialog({ suggestion, onClose, onProposed }: { suggestion: Suggestion; onClose: () => void; onProposed: (title: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'title'>>({ byField: {}, general: [] });
  const [result, propose] = useMutation(ProposeFromSuggestionMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await propose({ suggestionId: suggestion.id, title: title.trim() === '' ? null : title.trim() });
    if (answer.error) return setErrors(refusalOf(['title'] as const, answer.error));
    if (answer.data) onProposed(answer.data.proposeJointEffortFromSuggestion.title);
  };
  return (
    <Modal opened onClose={onClose} title={t('network.suggestions.proposeTitle')} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} aria-label={t('network.suggestions.proposeTitle')} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Text size="sm">{suggestion.explanation}</Text>
          <Text size="sm">{t('network.suggestions.proposeText')}</Text>
          <TextInput label={t('network.suggestions.effortTitle')} description={t('network.suggestions.effortTitleHint')} value={title} error={errors.byField.title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <GeneralErrors messages={errors.general} />
          <DialogActions label={t('network.efforts.proposeSubmit')} busy={result.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
