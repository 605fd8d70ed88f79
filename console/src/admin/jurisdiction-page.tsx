import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ChooseJurisdiction, useAdminTarget } from './admin-target';
import { PROFILE_FIELDS, type ProfileField, ProfileFields, type ProfileState, profileInputOf, profileStateOf } from './profile-fields';
import { statusColor } from './status';

const ProfileQuery = graphql(`
  query JurisdictionProfile($id: ID) {
    jurisdiction(id: $id) {
      id
      name
      level
      country
      subdivision
      wikidataId
      timeZone
      currency
      fiscalYearStart
      languages
      population
      status
      statusReason
      updatedAt
    }
  }
`);

// Saving answers only what names the change: the stored profile is read again by the query (urql refetches a query whose types a mutation changed).
const UpdateProfileMutation = graphql(`
  mutation UpdateJurisdictionProfile($id: ID, $input: JurisdictionProfileInput!) {
    updateJurisdictionProfile(id: $id, input: $input) {
      id
      name
      updatedAt
    }
  }
`);

const NO_ERRORS: FieldErrors<ProfileField> = { byField: {}, general: [] };

/** The jurisdiction's profile: its jurisdiction-admin (or a platform-admin) edits it; anyone else who opens it reads it. */
export default function JurisdictionPage() {
  const { t } = useTranslation();
  const { jurisdictionId, mustChoose } = useAdminTarget();
  if (mustChoose) return <ChooseJurisdiction title={t('nav.jurisdiction')} />;
  return <Profile jurisdictionId={jurisdictionId} />;
}

function Profile({ jurisdictionId }: { jurisdictionId: string | undefined }) {
  const { t } = useTranslation();
  const { auth, jurisdiction: here } = useSession();
  const mayEdit = auth.person.roles.includes('jurisdiction-admin') || auth.person.roles.includes('platform-admin');
  const [{ data, error }] = useQuery({ query: ProfileQuery, variables: { id: jurisdictionId } });
  // Above the form: saving refetches the profile and starts the form afresh, the notice stays.
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const profile = data.jurisdiction;
  return (
    <>
      <PageTitle>{t('admin.profile.title', { name: profile.name })}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        <Group gap="sm">
          <Text>{t('admin.profile.id', { id: profile.id })}</Text>
          <Badge variant="outline" color={statusColor(profile.status)} data-testid="jurisdiction-status">
            {t(`admin.statuses.${profile.status}`)}
          </Badge>
          {profile.statusReason && <Text size="sm">{profile.statusReason}</Text>}
          <Text size="sm" c="dimmed">
            {t('admin.profile.updated', { date: formatDate(profile.updatedAt, here) })}
          </Text>
        </Group>
        <Section id="profile-heading" title={t('admin.profile.section')}>
          {/* Keyed by the stored version: a saved change (or another admin's) starts the form from what is stored. */}
          <ProfileForm key={`${profile.id}-${profile.updatedAt}`} profile={profile} jurisdictionId={jurisdictionId} readOnly={!mayEdit || profile.status === 'OFFBOARDED'} onSaved={(name) => setNotice(t('admin.profile.saved', { name }))} />
        </Section>
      </Stack>
    </>
  );
}

function ProfileForm({ profile, jurisdictionId, readOnly, onSaved }: { profile: Parameters<typeof profileStateOf>[0]; jurisdictionId: string | undefined; readOnly: boolean; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ProfileState>(() => profileStateOf(profile));
  const [errors, setErrors] = useState(NO_ERRORS);
  const [result, update] = useMutation(UpdateProfileMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    const answer = await update({ id: jurisdictionId, input: profileInputOf(state) });
    if (answer.error) setErrors(refusalOf(PROFILE_FIELDS, answer.error));
    else if (answer.data) onSaved(answer.data.updateJurisdictionProfile.name);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('admin.profile.section')}>
      <Stack gap="sm" maw={820}>
        <ProfileFields prefix="profile" state={state} onChange={setState} errors={errors} readOnly={readOnly} />
        <GeneralErrors messages={errors.general} />
        {Object.keys(errors.byField).length > 0 && (
          <Text role="alert" c="red.9" size="sm">
            {t('assets.fixFields')}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('admin.profile.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
