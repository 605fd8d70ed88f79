import type { CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ReportLanguage } from '../gql/graphql';

/** The progress report of a plan year (or one period of it) as the API builds it: CSV, self-contained HTML or JSON. */
export const PlanReportQuery = graphql(`
  query PlanReport($year: Int!, $format: ReportFormat!, $period: String, $language: ReportLanguage) {
    planReport(year: $year, format: $format, period: $period, language: $language) {
      filename
      contentType
      content
    }
  }
`);

/** The report's language for the console's (English unless German). */
export function reportLanguageOf(language: string | undefined): ReportLanguage {
  return language === 'de' ? 'DE' : 'EN';
}

/** The API's own message for a failed query (it names the field), else the network's. */
export function messageOf(error: CombinedError | undefined): string {
  return error?.graphQLErrors[0]?.message ?? error?.message ?? 'no answer';
}
