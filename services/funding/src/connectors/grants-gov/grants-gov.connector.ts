import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Connector, ConnectorContext, ReadItem, ReadResult } from '../connector';
import { describeUrl, expectContentType, fetchSource, SourceReadError } from '../http/source-fetch';
import { readGrantsGovZip } from './grants-gov-extract.reader';
import { mapGrantsGovRecord } from './grants-gov.mapper';

/** The largest zip downloaded (the real extract is ~75 MB). */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

/**
 * The Grants.gov daily XML extract (FUNDING-FORMATS.md §1). The zip is
 * downloaded as it arrives into a temporary file, because a zip's directory
 * is at its end and a reader needs to seek to it; its XML entry is then
 * streamed through the parser, never inflated to disk nor held in memory.
 * The temporary file is removed when the read ends, however it ends.
 */
export class GrantsGovExtractConnector implements Connector {
  readonly kind = 'grants-gov-extract' as const;

  async open(context: ConnectorContext): Promise<ReadResult> {
    const { url } = context.source;
    const answer = await fetchSource({ url, validators: context.validators ?? undefined }, context.policy);
    if (answer.notModified) return { notModified: true, validators: answer.validators, items: (async function* () {})() };
    expectContentType(answer.response, url, ['zip', 'octet-stream', 'x-zip'], 'a zip file');
    const directory = await mkdtemp(join(tmpdir(), 'entente-grants-gov-'));
    const path = join(directory, 'extract.zip');
    try {
      await download(answer.response, path, url);
      await assertZip(path, url);
    } catch (error) {
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
    return { notModified: false, validators: answer.validators, items: records(path, directory, context.now) };
  }
}

async function* records(path: string, directory: string, now: Date): AsyncGenerator<ReadItem> {
  try {
    for await (const raw of readGrantsGovZip(path)) yield mapGrantsGovRecord(raw, now);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function download(response: Response, path: string, url: string): Promise<void> {
  if (!response.body) throw new SourceReadError('wrong-format', `${describeUrl(url)}: answered with no body`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > MAX_ZIP_BYTES) callback(new SourceReadError('wrong-format', `${describeUrl(url)}: the file is larger than ${MAX_ZIP_BYTES / 1024 / 1024} MB`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), limit, createWriteStream(path));
  } catch (error) {
    if (error instanceof SourceReadError) throw error;
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new SourceReadError(timedOut ? 'timeout' : 'unreachable', `${describeUrl(url)}: the download broke off (${(error as Error).message})`);
  }
}

/** A zip starts with PK; an HTML page served as a download does not. */
async function assertZip(path: string, url: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await file.read(head, 0, 16, 0);
    const text = head.subarray(0, bytesRead).toString('latin1');
    if (text.startsWith('PK')) return;
    const html = /^\s*<(!doctype html|html)/i.test(text);
    throw new SourceReadError('wrong-format', `${describeUrl(url)}: answered ${html ? 'HTML' : 'something other than a zip'} where a zip file was expected`);
  } finally {
    await file.close();
  }
}
