import type { AlertedOpportunity, AlertItemRecord, AlertKind } from './alert-item.schema';

/** The parts of a mail the platform writes (the sender adds From and Message-ID). */
export interface AlertMailContent {
  subject: string;
  text: string;
  html: string;
}

/** The links a mail carries. */
export interface MailLinks {
  /** One-click unsubscribe from this search only (absent for mail that belongs to no search). */
  unsubscribeUrl: string | null;
  /** One-click stop following, for a followed call's mail only. */
  unfollowUrl?: string | null;
}

/** A digest's alerts grouped for reading: each opportunity once (its latest version), new calls before changed ones, soonest deadline first. */
export interface DigestGroups {
  newCalls: AlertItemRecord[];
  changedCalls: AlertItemRecord[];
  other: AlertItemRecord[];
}

export function groupDigest(items: readonly AlertItemRecord[]): DigestGroups {
  const latest = new Map<string, AlertItemRecord>();
  const other: AlertItemRecord[] = [];
  for (const item of items) {
    if (!item.opportunity) {
      other.push(item);
      continue;
    }
    const seen = latest.get(item.opportunity.opportunityId);
    // A call first alerted as new and changed since is still new to the reader: keep the kind of the first, the content of the latest.
    if (!seen) latest.set(item.opportunity.opportunityId, item);
    else if ((item.opportunity.version ?? 0) > (seen.opportunity?.version ?? 0)) latest.set(item.opportunity.opportunityId, { ...item, kind: seen.kind === 'new-match' ? 'new-match' : item.kind });
  }
  const byDeadline = (a: AlertItemRecord, b: AlertItemRecord): number =>
    (a.opportunity?.closesAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.opportunity?.closesAt?.getTime() ?? Number.MAX_SAFE_INTEGER) || (a.opportunity?.title ?? '').localeCompare(b.opportunity?.title ?? '');
  const all = [...latest.values()];
  return { newCalls: all.filter((item) => item.kind === 'new-match').sort(byDeadline), changedCalls: all.filter((item) => item.kind !== 'new-match').sort(byDeadline), other };
}

/** "closes 16 Mar 2027, 23:59 (America/New_York)" or "no closing date". */
export function closingLine(opportunity: AlertedOpportunity): string {
  if (!opportunity.closesAt) return 'no closing date';
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: opportunity.timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(opportunity.closesAt));
  return `closes ${when} (${opportunity.timeZone})`;
}

function amountLine(opportunity: AlertedOpportunity): string | null {
  if (opportunity.awardCeiling === null) return null;
  const amount = new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(opportunity.awardCeiling);
  return `up to ${opportunity.currency ? `${opportunity.currency} ` : ''}${amount}`;
}

function textBlock(item: AlertItemRecord): string {
  const opportunity = item.opportunity;
  if (!opportunity) return `- ${item.summary}`;
  return [`- ${opportunity.title}`, `  ${opportunity.funder}; ${closingLine(opportunity)}${amountLine(opportunity) ? `; ${amountLine(opportunity)}` : ''}`, `  ${item.summary}`, ...(opportunity.url ? [`  ${opportunity.url}`] : [])].join('\n');
}

function htmlBlock(item: AlertItemRecord): string {
  const opportunity = item.opportunity;
  if (!opportunity) return `<li>${escapeHtml(item.summary)}</li>`;
  const title = opportunity.url ? `<a href="${escapeHtml(opportunity.url)}">${escapeHtml(opportunity.title)}</a>` : escapeHtml(opportunity.title);
  const amount = amountLine(opportunity);
  return `<li><strong>${title}</strong><br>${escapeHtml(opportunity.funder)}; ${escapeHtml(closingLine(opportunity))}${amount ? `; ${escapeHtml(amount)}` : ''}<br><em>${escapeHtml(item.summary)}</em></li>`;
}

function followFooter(links: MailLinks): { text: string; html: string } {
  const why = 'You get this because you follow this call in Entente. Change its reminders there (Funding, followed calls)';
  if (!links.unfollowUrl) return { text: `\n-- \n${why}, or stop following it.`, html: `<p style="color:#555">${why}, or stop following it.</p>` };
  return {
    text: `\n-- \n${why}.\nStop following this call (no sign-in needed; your other calls and searches keep going): ${links.unfollowUrl}`,
    html: `<p style="color:#555">${why}. <a href="${escapeHtml(links.unfollowUrl)}">Stop following this call</a> (no sign-in needed; your other calls and searches keep going).</p>`,
  };
}

function footer(sourceName: string, links: MailLinks): { text: string; html: string } {
  if (!links.unsubscribeUrl) return { text: '\n-- \nEntente funding alerts', html: '<p style="color:#555">Entente funding alerts</p>' };
  return {
    text: `\n-- \nYou get this because you saved the search "${sourceName}" in Entente.\nStop this search's alerts (no sign-in needed; your other searches keep going): ${links.unsubscribeUrl}`,
    html: `<p style="color:#555">You get this because you saved the search “${escapeHtml(sourceName)}” in Entente. <a href="${escapeHtml(links.unsubscribeUrl)}">Stop this search’s alerts</a> (no sign-in needed; your other searches keep going).</p>`,
  };
}

const LEADS: Record<AlertKind, string> = {
  'new-match': 'New funding call',
  'changed-match': 'Funding call changed',
  'webhook-disabled': 'Webhook disabled',
  'followed-changed': 'A call you follow changed',
  'deadline-reminder': 'Deadline reminder',
};

/** The mail of one alert, sent as it is found. */
export function instantMail(item: AlertItemRecord, links: MailLinks): AlertMailContent {
  const lead = LEADS[item.kind];
  const subject = item.opportunity ? `${lead}: ${item.opportunity.title}` : `${lead}: ${item.sourceName}`;
  // A followed call's mail belongs to no search: it says why it came, and its link stops following the call.
  const followed = Boolean(item.followId);
  const end = followed ? followFooter(links) : footer(item.sourceName, links);
  return {
    subject: oneLine(subject),
    text: `${followed ? `${lead}:` : `${lead} for "${item.sourceName}":`}\n\n${textBlock(item)}\n${end.text}\n`,
    html: `<p>${followed ? `${escapeHtml(lead)}:` : `${escapeHtml(lead)} for “${escapeHtml(item.sourceName)}”:`}</p><ul>${htmlBlock(item)}</ul>${end.html}`,
  };
}

/** A digest: one mail with every call the search found since the last, each once. */
export function digestMail(sourceName: string, cadence: 'daily' | 'weekly', items: readonly AlertItemRecord[], links: MailLinks): AlertMailContent {
  const groups = groupDigest(items);
  const count = groups.newCalls.length + groups.changedCalls.length + groups.other.length;
  const subject = `${count} funding ${count === 1 ? 'call' : 'calls'} for "${sourceName}" (${cadence} digest)`;
  const sections: Array<[string, AlertItemRecord[]]> = [
    ['New calls', groups.newCalls],
    ['Changed calls', groups.changedCalls],
    ['Other', groups.other],
  ];
  const shown = sections.filter(([, list]) => list.length > 0);
  const end = footer(sourceName, links);
  return {
    subject: oneLine(subject),
    text: `${shown.map(([title, list]) => `${title}\n\n${list.map(textBlock).join('\n\n')}`).join('\n\n')}\n${end.text}\n`,
    html: `${shown.map(([title, list]) => `<h3>${escapeHtml(title)}</h3><ul>${list.map(htmlBlock).join('')}</ul>`).join('')}${end.html}`,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
