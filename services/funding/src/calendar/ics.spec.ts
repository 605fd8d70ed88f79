import { escapeText, foldLine, renderCalendar, utcDateTime } from './ics';
import { property, readIcs, unescapeText } from './ics-reader';

const NOW = new Date('2027-03-10T09:15:00.123Z');

describe('the iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text, and the reader undoes it', () => {
    const text = 'Interreg; Baltic, Sea\\Region\r\nsecond line\nthird';
    expect(escapeText(text)).toBe('Interreg\\; Baltic\\, Sea\\\\Region\\nsecond line\\nthird');
    expect(unescapeText(escapeText(text))).toBe('Interreg; Baltic, Sea\\Region\nsecond line\nthird');
  });

  it('folds at 75 octets without splitting a character, continuation lines starting with a space', () => {
    const line = `SUMMARY:${'ä'.repeat(60)}€€€${'x'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const [index, part] of folded.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('writes a calendar a strict reader accepts: UID, DTSTAMP, all-day and timed deadlines, reminders', () => {
    const longTitle = `Interreg Baltic Sea Region: small projects, seed money; “ports & people” ${'— long title '.repeat(6)}`;
    const body = renderCalendar({
      name: 'Rostock funding deadlines',
      now: NOW,
      events: [
        { uid: 'app-1@funding.entente', start: new Date('2027-03-31T15:00:00Z'), summary: `Deadline: ${longTitle}`, description: 'Stage: preparing\nOwner: Anke', url: 'https://interreg-baltic.eu/call', alarmsDaysBefore: [14, 3], modifiedAt: NOW },
        { uid: 'app-2@funding.entente', start: '2027-12-31', summary: 'Deadline: Embassy grant', description: null, url: null, alarmsDaysBefore: [], modifiedAt: null },
      ],
    });
    expect(body).not.toMatch(/[^\r]\n/);
    const calendar = readIcs(body);
    expect(calendar.name).toBe('VCALENDAR');
    expect(property(calendar, 'VERSION')?.value).toBe('2.0');
    expect(property(calendar, 'PRODID')?.value).toBe('-//Entente//Funding deadlines//EN');
    const [timed, allDay] = calendar.components;
    expect(calendar.components.map((c) => c.name)).toEqual(['VEVENT', 'VEVENT']);
    expect(property(timed!, 'UID')?.value).toBe('app-1@funding.entente');
    expect(property(timed!, 'DTSTAMP')?.value).toBe('20270310T091500Z');
    expect(property(timed!, 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20270331T150000Z' });
    expect(unescapeText(property(timed!, 'SUMMARY')?.value ?? '')).toBe(`Deadline: ${longTitle}`);
    expect(unescapeText(property(timed!, 'DESCRIPTION')?.value ?? '')).toBe('Stage: preparing\nOwner: Anke');
    expect(timed!.components.map((alarm) => property(alarm, 'TRIGGER')?.value)).toEqual(['-P14D', '-P3D']);
    expect(property(allDay!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20271231' });
    expect(property(allDay!, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20280101' });
    expect(property(allDay!, 'DESCRIPTION')).toBeUndefined();
  });

  it('writes an empty calendar when there is nothing due', () => {
    const calendar = readIcs(renderCalendar({ name: 'x', now: NOW, events: [] }));
    expect(calendar.components).toEqual([]);
    expect(utcDateTime(NOW)).toBe('20270310T091500Z');
  });

  it('has a reader that refuses what RFC 5545 forbids', () => {
    expect(() => readIcs('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).toThrow();
    expect(() => readIcs(`BEGIN:VCALENDAR\r\nSUMMARY:${'x'.repeat(80)}\r\nEND:VCALENDAR\r\n`)).toThrow('longer than 75');
    expect(() => readIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow('closes VEVENT');
  });
});
