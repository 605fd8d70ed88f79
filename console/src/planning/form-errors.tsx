import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GeneralErrors } from '../registry/feedback';
import type { FieldErrors } from '../registry/field-errors';

/** The API's messages for any of `fields` (a control that shows several input paths), joined; undefined when none. */
export function errorAt(errors: FieldErrors<string>, ...fields: string[]): string | undefined {
  return fields.map((field) => errors.byField[field]).filter(Boolean).join('; ') || undefined;
}

/**
 * The numbers a form must send that the person left empty, as refusals at
 * their fields (JSON cannot carry an empty number; sent as null, the API
 * could only say the variable is invalid); null when all are there.
 */
export function missingNumbers(values: Record<string, number | string>, message: string): FieldErrors<string> | null {
  const byField: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) if (typeof value !== 'number') byField[field] = message;
  return Object.keys(byField).length > 0 ? { byField, general: [] } : null;
}

/** A refusal for a list or group of controls (goals, a group's members), said where the list is. */
export function ListError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text role="alert" c="red.9" size="sm">
      {message}
    </Text>
  );
}

/** Under a form: what names no field, and a line saying to look at the marked fields. */
export function FormErrors({ errors }: { errors: FieldErrors<string> }) {
  const { t } = useTranslation();
  return (
    <>
      <GeneralErrors messages={errors.general} />
      <ListError message={Object.keys(errors.byField).length > 0 ? t('assets.fixFields') : undefined} />
    </>
  );
}
