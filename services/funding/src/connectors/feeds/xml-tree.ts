import { SaxesParser } from 'saxes';
import { SourceReadError } from '../http/source-fetch';

/** A small element tree for documents read whole (feeds are kilobytes, not the extract's hundreds of megabytes). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Parses `xml`; malformed XML is a SourceReadError naming line and column. Names lose their namespace prefix. */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[localName(name)] = typeof value === 'string' ? value : value.value;
    const element: XmlElement = { name: localName(tag.name), attributes, children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.write(xml).close();
  if (failure) throw new SourceReadError('wrong-format', `the XML is malformed: ${(failure as Error).message}`);
  if (!root) throw new SourceReadError('wrong-format', 'the answer holds no XML');
  return root;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childText(element: XmlElement, name: string): string | null {
  const found = child(element, name);
  return found ? found.text : null;
}
