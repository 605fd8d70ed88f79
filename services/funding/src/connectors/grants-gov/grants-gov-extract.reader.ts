import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { SourceReadError } from '../http/source-fetch';

/** One `<OpportunitySynopsisDetail_1_0>` or `<OpportunityForecastDetail_1_0>`, its child elements' texts by local name (repeatable ones hold several). */
export interface GrantsGovRawRecord {
  kind: 'synopsis' | 'forecast';
  /** 1-based position in the file, for a report about a record without an id. */
  position: number;
  fields: Map<string, string[]>;
}

const RECORD_ELEMENTS: Record<string, GrantsGovRawRecord['kind']> = {
  OpportunitySynopsisDetail_1_0: 'synopsis',
  OpportunityForecastDetail_1_0: 'forecast',
};

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Reads the records of an extract's XML as it streams: chunks go into a SAX
 * parser, and the records it completed are handed out before the next chunk
 * is read, so memory holds one chunk and the records of it, never the file.
 * Malformed XML ends the read with a SourceReadError naming the line.
 */
export async function* readGrantsGovXml(xml: AsyncIterable<Buffer | string>): AsyncGenerator<GrantsGovRawRecord> {
  const parser = new SaxesParser({ position: true });
  const done: GrantsGovRawRecord[] = [];
  let depth = 0;
  let position = 0;
  let rootSeen = false;
  let current: GrantsGovRawRecord | null = null;
  let field: string | null = null;
  let text = '';
  let failure: Error | null = null;

  parser.on('opentag', (tag) => {
    depth += 1;
    const name = localName(tag.name);
    if (depth === 1) {
      rootSeen = true;
      if (name !== 'Grants') failure = new SourceReadError('wrong-format', `the XML's root is <${name}>, not <Grants>: not a Grants.gov extract`);
    } else if (depth === 2) {
      const kind = RECORD_ELEMENTS[name];
      if (kind) {
        position += 1;
        current = { kind, position, fields: new Map() };
      }
    } else if (depth === 3 && current) {
      field = name;
      text = '';
    }
  });
  parser.on('text', (chunk) => {
    if (field !== null) text += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (field !== null) text += chunk;
  });
  parser.on('closetag', () => {
    if (depth === 3 && current && field !== null) {
      const values = current.fields.get(field);
      if (values) values.push(text);
      else current.fields.set(field, [text]);
      field = null;
    } else if (depth === 2 && current) {
      done.push(current);
      current = null;
    }
    depth -= 1;
  });
  parser.on('error', (error) => {
    failure ??= new SourceReadError('wrong-format', `the XML is malformed: ${error.message}`);
  });

  const decoder = new StringDecoder('utf8');
  for await (const chunk of xml) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (failure) throw failure;
    yield* done;
    done.length = 0;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  yield* done;
  if (!rootSeen) throw new SourceReadError('wrong-format', 'the file holds no XML');
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)));
  });
}

/** The first `.xml` entry of the zip at `path`, as a stream of its inflated bytes. */
export async function openXmlEntry(path: string): Promise<{ entryName: string; stream: Readable; close: () => void }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new SourceReadError('wrong-format', `not a zip file: ${(error as Error).message}`);
  }
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!/\.xml$/i.test(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(new SourceReadError('wrong-format', `cannot read ${entry.fileName} in the zip: ${error?.message ?? 'no stream'}`));
        resolve({ entryName: entry.fileName, stream, close: () => zip.close() });
      });
    });
    zip.on('end', () => reject(new SourceReadError('wrong-format', 'the zip holds no .xml file')));
    zip.on('error', (error: Error) => reject(new SourceReadError('wrong-format', `the zip is damaged: ${error.message}`)));
    zip.readEntry();
  });
}

/** Every record of the extract zip at `path`, streamed from its XML entry (never inflated to disk nor held whole). */
export async function* readGrantsGovZip(path: string): AsyncGenerator<GrantsGovRawRecord> {
  const entry = await openXmlEntry(path);
  try {
    yield* readGrantsGovXml(entry.stream);
  } finally {
    entry.stream.destroy();
    entry.close();
  }
}
