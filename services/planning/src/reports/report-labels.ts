/**
 * The words of the HTML report in each language it is offered in. Values
 * the plan stores as slugs (statuses, sources, types) are looked up here; an
 * unknown slug is shown as it is, so a new value reads, if untranslated.
 */
export const REPORT_LANGUAGES = ['en', 'de'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportLabels {
  locale: string;
  title: string;
  wholeYear: string;
  periodNames: { quarter: string; month: string; half: string };
  generated: string;
  totals: string;
  planYear: string;
  version: string;
  status: string;
  approved: string;
  notApproved: string;
  budget: string;
  planned: string;
  spent: string;
  staffDays: string;
  available: string;
  actual: string;
  plannedToDate: string;
  actualToDate: string;
  yearFigureNote: string;
  overBudget: string;
  overStaffDays: string;
  budgetSection: string;
  budgetChart: string;
  budgetLines: string;
  source: string;
  line: string;
  amount: string;
  total: string;
  staffDaysSection: string;
  staffDaysChart: string;
  activitiesSection: string;
  byStatus: string;
  count: string;
  activity: string;
  type: string;
  priorities: string;
  where: string;
  window: string;
  occurrences: string;
  plannedCost: string;
  actualCost: string;
  prioritiesSection: string;
  activitiesPerPriorityChart: string;
  opportunistic: string;
  opportunisticAllowance: string;
  kpis: string;
  kpi: string;
  baseline: string;
  current: string;
  target: string;
  progress: string;
  outcomes: string;
  noKpis: string;
  noOutcomes: string;
  decisionsSection: string;
  noDecisions: string;
  takenAt: string;
  takenBy: string;
  kind: string;
  summary: string;
  rationale: string;
  costChange: string;
  staffDaysChange: string;
  none: string;
  statuses: Record<string, string>;
  planStatuses: Record<string, string>;
  sources: Record<string, string>;
  types: Record<string, string>;
  modes: Record<string, string>;
  frequencies: Record<string, string>;
  decisionKinds: Record<string, string>;
}

const EN: ReportLabels = {
  locale: 'en',
  title: 'Progress report',
  wholeYear: 'Whole plan year',
  periodNames: { quarter: 'Quarter', month: 'Month', half: 'Half-year' },
  generated: 'Generated',
  totals: 'At a glance',
  planYear: 'Plan year',
  version: 'Version',
  status: 'Status',
  approved: 'Approved',
  notApproved: 'not approved',
  budget: 'Budget',
  planned: 'Planned',
  spent: 'Spent',
  staffDays: 'Staff-days',
  available: 'Available',
  actual: 'Actual',
  plannedToDate: 'Planned, year to date',
  actualToDate: 'Actual, year to date',
  yearFigureNote: 'Available figures are for the whole plan year; planned and actual figures for the period.',
  overBudget: 'The plan’s cost exceeds its budget by',
  overStaffDays: 'The plan needs more staff-days than are available, by',
  budgetSection: 'Budget and spend',
  budgetChart: 'Budget available, cost planned and cost spent, by funding source',
  budgetLines: 'Budget lines',
  source: 'Source',
  line: 'Line',
  amount: 'Amount',
  total: 'Total',
  staffDaysSection: 'Staff-days',
  staffDaysChart: 'Staff-days available, planned and spent',
  activitiesSection: 'Activities',
  byStatus: 'Activities by status',
  count: 'Activities',
  activity: 'Activity',
  type: 'Type',
  priorities: 'Priorities',
  where: 'Where',
  window: 'When',
  occurrences: 'Times',
  plannedCost: 'Planned cost',
  actualCost: 'Actual cost',
  prioritiesSection: 'Priorities, outcomes and KPIs',
  activitiesPerPriorityChart: 'Activities per priority, by status',
  opportunistic: 'Opportunistic (no priority)',
  opportunisticAllowance: 'Opportunistic activities in the plan, against its allowance',
  kpis: 'KPIs',
  kpi: 'KPI',
  baseline: 'Baseline',
  current: 'Current',
  target: 'Target',
  progress: 'Progress',
  outcomes: 'Outcomes',
  noKpis: 'No KPIs.',
  noOutcomes: 'No outcomes recorded in this period.',
  decisionsSection: 'Decisions taken',
  noDecisions: 'No decisions in this period.',
  takenAt: 'Date',
  takenBy: 'Taken by',
  kind: 'Decision',
  summary: 'Summary',
  rationale: 'Rationale',
  costChange: 'Cost change',
  staffDaysChange: 'Staff-days change',
  none: '—',
  statuses: { planned: 'Planned', confirmed: 'Confirmed', done: 'Done', reduced: 'Reduced', postponed: 'Postponed', cancelled: 'Cancelled' },
  planStatuses: { draft: 'Draft', 'in-review': 'In review', approved: 'Approved', active: 'Active', closed: 'Closed', superseded: 'Superseded' },
  sources: { own: 'Own budget', external: 'External funding', partner: 'Partner-covered' },
  types: {
    'outbound-delegation': 'Outbound delegation',
    'hosted-visit': 'Hosted visit',
    'trade-mission': 'Trade mission',
    'online-event': 'Webinar or online event',
    'youth-exchange': 'Youth exchange',
    'school-partnership': 'School partnership',
    'cultural-event': 'Cultural event',
    'informational-event': 'Informational event',
    'pr-statement': 'PR statement',
    'funding-application': 'Funding application',
    'staff-exchange': 'Staff exchange',
  },
  modes: { 'in-person': 'in person', virtual: 'virtual', hybrid: 'hybrid', 'pr-only': 'PR only' },
  frequencies: { 'one-off': 'one-off', quarterly: 'quarterly', annual: 'annual', biennial: 'biennial' },
  decisionKinds: {
    'external-funding': 'External funding',
    'reduce-frequency': 'Reduced frequency',
    'go-virtual': 'Went virtual',
    'pr-only': 'PR only',
    'joint-effort': 'Joint effort',
    postpone: 'Postponed',
    'accept-visit': 'Visit accepted',
    'decline-visit': 'Visit declined',
    other: 'Other',
  },
};

const DE: ReportLabels = {
  locale: 'de-DE',
  title: 'Fortschrittsbericht',
  wholeYear: 'Ganzes Planjahr',
  periodNames: { quarter: 'Quartal', month: 'Monat', half: 'Halbjahr' },
  generated: 'Erstellt',
  totals: 'Auf einen Blick',
  planYear: 'Planjahr',
  version: 'Version',
  status: 'Status',
  approved: 'Beschlossen',
  notApproved: 'nicht beschlossen',
  budget: 'Budget',
  planned: 'Geplant',
  spent: 'Ausgegeben',
  staffDays: 'Personentage',
  available: 'Verfügbar',
  actual: 'Ist',
  plannedToDate: 'Geplant, Jahr bis heute',
  actualToDate: 'Ist, Jahr bis heute',
  yearFigureNote: 'Verfügbare Mittel gelten für das ganze Planjahr; Plan- und Ist-Werte für den Zeitraum.',
  overBudget: 'Die Kosten des Plans übersteigen sein Budget um',
  overStaffDays: 'Der Plan braucht mehr Personentage als verfügbar, und zwar',
  budgetSection: 'Budget und Ausgaben',
  budgetChart: 'Verfügbares Budget, geplante und ausgegebene Kosten nach Finanzierungsquelle',
  budgetLines: 'Budgetposten',
  source: 'Quelle',
  line: 'Posten',
  amount: 'Betrag',
  total: 'Summe',
  staffDaysSection: 'Personentage',
  staffDaysChart: 'Personentage verfügbar, geplant und geleistet',
  activitiesSection: 'Aktivitäten',
  byStatus: 'Aktivitäten nach Status',
  count: 'Aktivitäten',
  activity: 'Aktivität',
  type: 'Art',
  priorities: 'Prioritäten',
  where: 'Ort',
  window: 'Zeitraum',
  occurrences: 'Mal',
  plannedCost: 'Geplante Kosten',
  actualCost: 'Ist-Kosten',
  prioritiesSection: 'Prioritäten, Ergebnisse und Kennzahlen',
  activitiesPerPriorityChart: 'Aktivitäten je Priorität nach Status',
  opportunistic: 'Gelegenheiten (ohne Priorität)',
  opportunisticAllowance: 'Aktivitäten ohne Priorität im Plan, gegenüber dem Kontingent',
  kpis: 'Kennzahlen',
  kpi: 'Kennzahl',
  baseline: 'Ausgangswert',
  current: 'Aktuell',
  target: 'Ziel',
  progress: 'Fortschritt',
  outcomes: 'Ergebnisse',
  noKpis: 'Keine Kennzahlen.',
  noOutcomes: 'Keine Ergebnisse in diesem Zeitraum erfasst.',
  decisionsSection: 'Getroffene Entscheidungen',
  noDecisions: 'Keine Entscheidungen in diesem Zeitraum.',
  takenAt: 'Datum',
  takenBy: 'Entschieden von',
  kind: 'Entscheidung',
  summary: 'Zusammenfassung',
  rationale: 'Begründung',
  costChange: 'Kostenänderung',
  staffDaysChange: 'Änderung Personentage',
  none: '—',
  statuses: { planned: 'Geplant', confirmed: 'Bestätigt', done: 'Durchgeführt', reduced: 'Reduziert', postponed: 'Verschoben', cancelled: 'Abgesagt' },
  planStatuses: { draft: 'Entwurf', 'in-review': 'In Prüfung', approved: 'Beschlossen', active: 'Aktiv', closed: 'Abgeschlossen', superseded: 'Ersetzt' },
  sources: { own: 'Eigenmittel', external: 'Fördermittel', partner: 'Von Partnern getragen' },
  types: {
    'outbound-delegation': 'Delegationsreise',
    'hosted-visit': 'Empfangener Besuch',
    'trade-mission': 'Wirtschaftsmission',
    'online-event': 'Webinar oder Online-Veranstaltung',
    'youth-exchange': 'Jugendaustausch',
    'school-partnership': 'Schulpartnerschaft',
    'cultural-event': 'Kulturveranstaltung',
    'informational-event': 'Informationsveranstaltung',
    'pr-statement': 'Pressemitteilung',
    'funding-application': 'Förderantrag',
    'staff-exchange': 'Personalaustausch',
  },
  modes: { 'in-person': 'vor Ort', virtual: 'virtuell', hybrid: 'hybrid', 'pr-only': 'nur Öffentlichkeitsarbeit' },
  frequencies: { 'one-off': 'einmalig', quarterly: 'vierteljährlich', annual: 'jährlich', biennial: 'alle zwei Jahre' },
  decisionKinds: {
    'external-funding': 'Fördermittel',
    'reduce-frequency': 'Seltener durchgeführt',
    'go-virtual': 'Virtuell statt vor Ort',
    'pr-only': 'Nur Öffentlichkeitsarbeit',
    'joint-effort': 'Gemeinsam mit anderen',
    postpone: 'Verschoben',
    'accept-visit': 'Besuch angenommen',
    'decline-visit': 'Besuch abgelehnt',
    other: 'Sonstiges',
  },
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { en: EN, de: DE };
