/**
 * A strict reader of the iCalendar this service writes, for its tests and for
 * anyone checking a feed: it refuses bare LF line ends, lines over 75 octets,
 * unbalanced BEGIN/END and unknown escapes, and unfolds and unescapes the
 * rest (RFC 5545 §3.1, §3.3.11).
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_all, char: string) => {
    if (char === 'n' || char === 'N') return '\n';
    if (char === '\\' || char === ';' || char === ',') return char;
    throw new Error(`unknown escape \\${char}`);
  });
}

export function readIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the calendar must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const [index, line] of physical.entries()) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`line ${index + 1} has a bare line break`);
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line ${index + 1} is longer than 75 octets`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('the calendar starts with a continuation line');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const root: IcsComponent = { name: '', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`"${line}" is not a content line`);
    const [name = '', ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1] as IcsComponent;
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value, properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name || 'nothing'}`);
      stack.pop();
    } else {
      top.properties.push({ name, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value });
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new Error('the calendar must be one balanced VCALENDAR');
  return root.components[0] as IcsComponent;
}

export function property(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}
