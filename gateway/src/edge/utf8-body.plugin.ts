import { isUtf8 } from 'node:buffer';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/**
 * Refuses a JSON request body that is not UTF-8. The runtime decodes bodies
 * leniently: bytes that are no character (half of an emoji encoded on its own,
 * as CESU-8 and WTF-8 write a lone surrogate; Latin-1 text) would become
 * U+FFFD, pass every rule as ordinary text and be stored, a name changed
 * without a word. (A lone surrogate written as a JSON escape, `\ud83d`, does
 * arrive as one and the services' field checks refuse it.) The refusal names
 * the variable that holds the bytes when it can, else where they are.
 */
export function utf8BodyPlugin(): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method !== 'POST' || !requestParser || !/json/i.test(request.headers.get('content-type') ?? '')) return;
      setRequestParser(async (original) => {
        const bytes = new Uint8Array(await original.arrayBuffer());
        if (!isUtf8(bytes)) throw notUtf8Error(bytes);
        return requestParser(new fetchAPI.Request(original.url, { method: original.method, headers: original.headers, body: bytes }));
      });
    },
  };
}

const WHY = '(half of a character such as an emoji encoded on its own, or text in another encoding); send the text encoded as UTF-8';

/** BAD_USER_INPUT naming the variable path that holds the bytes, else BAD_REQUEST naming their offset. */
export function notUtf8Error(bytes: Uint8Array): GraphQLError {
  // A noncharacter stands in for each bad byte, to find the strings that held them once the JSON is parsed.
  const marker = '\uFDD0';
  const { text, firstInvalid } = decodeMarkingInvalid(bytes, marker);
  // Unless the client sent the noncharacter itself, raw or as a JSON escape: then only the offset is sure.
  const markerSent = /\\ufdd0/i.test(text) || new TextDecoder().decode(bytes).includes(marker);
  const field = markerSent ? undefined : variablePathHolding(text, marker);
  if (field !== undefined) {
    return new GraphQLError(`${field}: has bytes that are not UTF-8 ${WHY}`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
  const before = new TextDecoder().decode(bytes.subarray(Math.max(0, firstInvalid - 40), firstInvalid));
  return new GraphQLError(`The request body has bytes that are not UTF-8 at offset ${firstInvalid}, after ${JSON.stringify(before)} ${WHY}`, {
    extensions: { code: 'BAD_REQUEST' },
  });
}

/** The first variable path (`input.contacts[0].name`) whose string holds `marker`; undefined when the body is no JSON or none does. */
function variablePathHolding(text: string, marker: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const variables = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { variables?: unknown }).variables : undefined;
  const find = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes(marker) ? path : undefined;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const found = find(item, `${path}[${index}]`);
        if (found !== undefined) return found;
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const found = find(item, path === '' ? key : `${path}.${key}`);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return find(variables, '');
}

/** The text with `marker` in place of each byte that starts no valid UTF-8 sequence, and the first such byte's offset. */
export function decodeMarkingInvalid(bytes: Uint8Array, marker: string): { text: string; firstInvalid: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let start = 0;
  let firstInvalid = -1;
  for (let at = 0; at < bytes.length; ) {
    const length = sequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    if (firstInvalid < 0) firstInvalid = at;
    text += decoder.decode(bytes.subarray(start, at)) + marker;
    at += 1;
    start = at;
  }
  return { text: text + decoder.decode(bytes.subarray(start)), firstInvalid };
}

/** The length of the well-formed UTF-8 sequence at `at` (Unicode's table 3-7), 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] as number;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    // ED A0..BF would be a surrogate: the bytes CESU-8 and WTF-8 write for half a character.
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  const second = bytes[at + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[at + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
