import { exampleReportInput } from './example-report-input';
import { buildProgressReport } from './progress-report';
import { progressReportHtml } from './report-html';
import { periodByKey } from './reporting-periods';

const ATTACK = '<script>alert(1)</script>';

function hostileReport() {
  const input = exampleReportInput({ jurisdictionName: `Rostock ${ATTACK}` });
  input.priorities[0] = { ...(input.priorities[0] as (typeof input.priorities)[number]), title: ATTACK };
  const [first, ...rest] = input.plan.content.activities;
  input.plan.content.activities = [{ ...(first as NonNullable<typeof first>), title: `"><img src=x onerror=alert(1)>`, outcomes: ATTACK }, ...rest];
  input.plan.decisions[0] = { ...(input.plan.decisions[0] as (typeof input.plan.decisions)[number]), rationale: ATTACK, takenBy: `<b>boss</b>` };
  return buildProgressReport(input);
}

describe('progressReportHtml', () => {
  const html = progressReportHtml(buildProgressReport(exampleReportInput()));

  it('is one self-contained document: no script, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*(https?:|\/\/)/i);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-before: page[\s\S]*<\/style>/);
  });

  it('draws the three charts as inline SVG, each titled and labelled, with their figures as text too', () => {
    const charts = html.match(/<svg\b[^>]*>[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(3);
    for (const [chart, title] of [
      [charts[0], 'Budget available, cost planned and cost spent, by funding source'],
      [charts[1], 'Staff-days available, planned and spent'],
      [charts[2], 'Activities per priority, by status'],
    ] as const) {
      expect(chart).toMatch(/role="img" aria-labelledby="([\w-]+-title) ([\w-]+-desc)"/);
      expect(chart).toContain(`<title id="${/aria-labelledby="([\w-]+-title)/.exec(chart ?? '')?.[1]}">${title}</title>`);
      expect(html).toContain(`<caption>${title}</caption>`);
    }
    expect(charts[2]).toContain('Baltic trade');
    expect(charts[2]).toContain('Opportunistic (no priority)');
  });

  it('puts the totals at the top: plan year, version, status, approval, budget, planned, spent, staff-days', () => {
    const top = html.slice(0, html.indexOf('<section'));
    expect(top).toContain('<h1>Progress report: Hanseatic City of Rostock</h1>');
    for (const text of ['Plan year</dt><dd>2027', 'Version</dt><dd>2<', 'Status</dt><dd>Active<', 'rostock-exec', '€15,000', '€8,000', '€3,000', '100 / 21 / 14']) {
      expect(top).toContain(text);
    }
    expect(top).toContain('Approved</dt><dd>Jan 15, 2027');
  });

  it('escapes every text from the plan', () => {
    const hostile = progressReportHtml(hostileReport());
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toContain('<b>boss');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('<title>Progress report: Rostock &lt;script&gt;');
  });

  it('reads in German with German number formats', () => {
    const de = progressReportHtml(buildProgressReport(exampleReportInput({ period: periodByKey('2027-01-01', '2027-12-31', '2027-Q2') })), { lang: 'de' });
    expect(de).toContain('<html lang="de">');
    expect(de).toContain('Fortschrittsbericht');
    expect(de).toContain('Quartal 2, Planjahr 2027');
    expect(de).toMatch(/15\.000\s€/);
    expect(de).toContain('Verschoben');
  });

  it('warns when the plan costs more than its budget', () => {
    const input = exampleReportInput();
    input.plan.content.budgetLines = [{ lineId: 'own', source: 'own', label: 'City budget', amount: 7_000, fundingReference: null }];
    expect(progressReportHtml(buildProgressReport(input))).toContain('The plan’s cost exceeds its budget by €1,000.');
  });
});
