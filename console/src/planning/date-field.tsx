import '@mantine/dates/styles.css';
import 'dayjs/locale/de';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useSession } from '../session';

/**
 * A day picked from a calendar (Mantine's DatePickerInput): the API's dates
 * are YYYY-MM-DD strings, shown in the jurisdiction's locale; the calendar
 * speaks the console's language and is worked by arrow keys and Enter.
 * `min`/`max` (YYYY-MM-DD) keep the choice within, e.g., the plan year.
 */
export function DateField({
  id,
  label,
  description,
  value,
  onChange,
  min,
  max,
  error,
  required,
  clearable = !required,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  return (
    <DatePickerInput
      id={id}
      label={label}
      description={description}
      value={value === '' ? null : value}
      onChange={(picked) => onChange(picked ?? '')}
      minDate={min}
      maxDate={max}
      defaultDate={value === '' ? min : undefined}
      error={error}
      required={required}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('datePicker.clear', { label }) }}
      locale={i18n.resolvedLanguage === 'de' ? 'de' : 'en'}
      valueFormatter={({ date }) => (typeof date === 'string' && date !== '' ? formatDate(date.slice(0, 10), jurisdiction) : '')}
      ariaLabels={{
        nextMonth: t('datePicker.nextMonth'),
        previousMonth: t('datePicker.previousMonth'),
        nextYear: t('datePicker.nextYear'),
        previousYear: t('datePicker.previousYear'),
        nextDecade: t('datePicker.nextDecade'),
        previousDecade: t('datePicker.previousDecade'),
        monthLevelControl: t('datePicker.monthLevel'),
        yearLevelControl: t('datePicker.yearLevel'),
      }}
      // Back on the field once a day is picked or the calendar closes: a keyboard user goes on from where they were.
      // Rendered beside the field, not in a portal: inside a dialog a portalled calendar sat outside the dialog's
      // focus trap, which pulled the focus back, so Tab never reached a day.
      popoverProps={{ returnFocus: true, withinPortal: false }}
    />
  );
}
