/**
 * What `npm start` gives each demo jurisdiction in planning: a strategy, three
 * priorities and next year's plan. Rostock's plan is over its own budget, so
 * the first thing a newcomer sees there is the capacity check and its
 * remedies (reduce the Aarhus delegation to every second year, and it fits).
 * Figures are illustrative, in each jurisdiction's currency.
 */
export interface DemoStrategy {
  staffFte: number;
  governanceModel: 'CENTRAL_OFFICE' | 'INTERDEPARTMENTAL_WORKING_GROUP' | 'EXTERNAL_COMMITTEE';
  goals: Array<{ kind: string; title: string; statement: string; indicators: string[] }>;
  /** Each priority advances the goal at the same index. */
  priorities: Array<{ title: string; focus: string; targetCountries: string[]; sectors: string[]; themes: string[] }>;
}

export interface DemoActivity {
  title: string;
  type: string;
  /** Index into the strategy's priorities; null = opportunistic. */
  priority: number | null;
  country: string | null;
  city?: string;
  frequency: 'ONE_OFF' | 'QUARTERLY' | 'ANNUAL' | 'BIENNIAL';
  mode?: 'IN_PERSON' | 'VIRTUAL' | 'HYBRID' | 'PR_ONLY';
  /** Month-day window within the plan year, e.g. ['05-03', '05-06']. */
  window?: [string, string];
  own: number;
  external?: number;
  staffDays: number;
}

export interface DemoPlan {
  strategy: DemoStrategy;
  budget: Array<{ source: 'OWN' | 'EXTERNAL' | 'PARTNER'; label: string; amount: number }>;
  staffDaysAvailable: number;
  activities: DemoActivity[];
}

export const DEMO_PLANS: Record<string, DemoPlan> = {
  rostock: {
    strategy: {
      staffFte: 3,
      governanceModel: 'CENTRAL_OFFICE',
      goals: [
        { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Port and maritime economy', statement: 'Grow the exports and jobs of the port cluster through Baltic partners.', indicators: ['Export turnover of port firms', 'Jobs in the maritime cluster'] },
        { kind: 'SUSTAINABILITY', title: 'Climate-neutral Rostock by 2035', statement: 'Learn from partner cities on offshore wind and district heating.', indicators: ['t CO2 per inhabitant'] },
        { kind: 'SOCIAL_INCLUSION', title: 'Young people abroad', statement: 'Every pupil can take part in an exchange before leaving school.', indicators: ['Pupils on exchanges per year'] },
      ],
      priorities: [
        { title: 'Baltic maritime trade', focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK', 'FI', 'LV'], sectors: ['maritime', 'logistics'], themes: ['ports', 'shipping'] },
        { title: 'Offshore wind partnerships', focus: 'SHARED_POLICY_PRIORITY', targetCountries: ['DK', 'PL'], sectors: ['wind energy'], themes: ['offshore wind', 'energy transition'] },
        { title: 'Youth and school exchanges', focus: 'CULTURAL_TIES', targetCountries: ['LV', 'PL', 'FI'], sectors: ['education'], themes: ['youth', 'schools'] },
      ],
    },
    budget: [
      { source: 'OWN', label: 'Council budget for international affairs', amount: 60000 },
      { source: 'EXTERNAL', label: 'Interreg South Baltic (awarded)', amount: 8000 },
    ],
    staffDaysAvailable: 150,
    activities: [
      { title: 'Delegation to the Aarhus harbour forum', type: 'OUTBOUND_DELEGATION', priority: 0, country: 'DK', city: 'Aarhus', frequency: 'ANNUAL', window: ['05-03', '05-06'], own: 14000, staffDays: 12 },
      { title: 'Trade mission to Turku and Helsinki', type: 'TRADE_MISSION', priority: 0, country: 'FI', city: 'Turku', frequency: 'ONE_OFF', window: ['09-14', '09-18'], own: 22000, staffDays: 18 },
      { title: 'Offshore wind webinar series with Szczecin', type: 'ONLINE_EVENT', priority: 1, country: 'PL', frequency: 'QUARTERLY', mode: 'VIRTUAL', own: 600, staffDays: 2 },
      { title: 'Wind energy study visit to Esbjerg', type: 'OUTBOUND_DELEGATION', priority: 1, country: 'DK', city: 'Esbjerg', frequency: 'ONE_OFF', window: ['06-08', '06-10'], own: 9000, external: 8000, staffDays: 8 },
      { title: 'Youth exchange with Riga', type: 'YOUTH_EXCHANGE', priority: 2, country: 'LV', city: 'Riga', frequency: 'ANNUAL', window: ['07-06', '07-17'], own: 11000, staffDays: 14 },
      { title: 'Hanse Sail reception for partner cities', type: 'CULTURAL_EVENT', priority: null, country: null, city: 'Rostock', frequency: 'ANNUAL', window: ['08-06', '08-09'], own: 7500, staffDays: 10 },
    ],
  },
  'palmerston-north': {
    strategy: {
      staffFte: 2,
      governanceModel: 'INTERDEPARTMENTAL_WORKING_GROUP',
      goals: [
        { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Agrifood and education exports', statement: 'Grow agritech and international education in line with national trade policy.', indicators: ['International students enrolled'] },
        { kind: 'WORKFORCE_DEVELOPMENT', title: 'Skills for a growing city', statement: 'Attract and keep skilled migrants and students.', indicators: ['Graduates staying in the city'] },
        { kind: 'SOCIAL_INCLUSION', title: 'Welcoming communities', statement: 'Connect diaspora communities with their home regions.', indicators: ['Community events held'] },
      ],
      priorities: [
        { title: 'Agritech with Chinese partner cities', focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['CN'], sectors: ['agritech'], themes: ['food', 'research'] },
        { title: 'International education', focus: 'SHARED_POLICY_PRIORITY', targetCountries: ['CN', 'JP', 'US'], sectors: ['education'], themes: ['students'] },
        { title: 'Sister-city community ties', focus: 'CULTURAL_TIES', targetCountries: ['JP', 'US'], sectors: ['culture'], themes: ['community'] },
      ],
    },
    budget: [{ source: 'OWN', label: 'International relations budget', amount: 45000 }],
    staffDaysAvailable: 110,
    activities: [
      { title: 'Agritech delegation to Guiyang', type: 'OUTBOUND_DELEGATION', priority: 0, country: 'CN', city: 'Guiyang', frequency: 'BIENNIAL', window: ['10-05', '10-12'], own: 18000, staffDays: 14 },
      { title: 'Education agents webinar', type: 'ONLINE_EVENT', priority: 1, country: null, frequency: 'QUARTERLY', mode: 'VIRTUAL', own: 300, staffDays: 1.5 },
      { title: 'Mihara student exchange', type: 'YOUTH_EXCHANGE', priority: 2, country: 'JP', city: 'Mihara', frequency: 'ANNUAL', window: ['11-02', '11-12'], own: 9000, staffDays: 10 },
    ],
  },
  maryland: {
    strategy: {
      staffFte: 6,
      governanceModel: 'EXTERNAL_COMMITTEE',
      goals: [
        { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Exports and foreign investment', statement: 'Raise exports of Maryland firms and attract foreign direct investment.', indicators: ['Export sales reported by assisted firms', 'FDI projects'] },
        { kind: 'INFRASTRUCTURE_AND_SERVICE_DELIVERY', title: 'Port of Baltimore', statement: 'Keep the port competitive through partner ports.', indicators: ['Port tonnage'] },
        { kind: 'WORKFORCE_DEVELOPMENT', title: 'Life sciences talent', statement: 'Exchange with partner regions on biotech skills.', indicators: ['Exchange participants'] },
      ],
      priorities: [
        { title: 'Asian export markets', focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['KR', 'JP', 'CN'], sectors: ['life sciences', 'cybersecurity'], themes: ['exports', 'investment'] },
        { title: 'Sister-port cooperation', focus: 'SHARED_POLICY_PRIORITY', targetCountries: ['MX', 'JP'], sectors: ['logistics'], themes: ['ports'] },
        { title: 'Biotech workforce exchange', focus: 'SHARED_POLICY_PRIORITY', targetCountries: ['KR'], sectors: ['life sciences'], themes: ['skills'] },
      ],
    },
    budget: [
      { source: 'OWN', label: 'Office of International Affairs', amount: 250000 },
      { source: 'PARTNER', label: 'Chamber co-funding of trade missions', amount: 40000 },
    ],
    staffDaysAvailable: 600,
    activities: [
      { title: 'Governor’s trade mission to Korea and Japan', type: 'TRADE_MISSION', priority: 0, country: 'KR', city: 'Seoul', frequency: 'ONE_OFF', window: ['10-04', '10-12'], own: 120000, staffDays: 60 },
      { title: 'Jalisco sister-port roundtable', type: 'HOSTED_VISIT', priority: 1, country: 'MX', frequency: 'ANNUAL', window: ['04-20', '04-22'], own: 15000, staffDays: 12 },
      { title: 'Quarterly report to the subcabinet', type: 'INFORMATIONAL_EVENT', priority: null, country: null, frequency: 'QUARTERLY', mode: 'HYBRID', own: 500, staffDays: 3 },
      { title: 'Gyeonggi biotech exchange', type: 'STAFF_EXCHANGE', priority: 2, country: 'KR', frequency: 'ANNUAL', window: ['06-01', '06-14'], own: 30000, staffDays: 20 },
    ],
  },
};
