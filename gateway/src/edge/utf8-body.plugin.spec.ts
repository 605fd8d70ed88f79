import { GraphQLError } from 'graphql';
import { decodeMarkingInvalid, notUtf8Error, utf8BodyPlugin } from './utf8-body.plugin';

/** A JSON body with raw `bytes` where `__` stands in the JSON text. */
function bodyWith(json: unknown, bytes: number[]): Uint8Array<ArrayBuffer> {
  const text = Buffer.from(JSON.stringify(json));
  const at = text.indexOf('__');
  return new Uint8Array(Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at + 2)]));
}

const HALF_AN_EMOJI = [0xed, 0xa0, 0xbd]; // U+D83D as CESU-8 / WTF-8 write it
const LATIN1_U_UMLAUT = [0xfc];

type Parser = (request: Request) => unknown;

/** The parser the plugin puts in place of `inner` for a POST of `body`. */
function parserFor(inner: Parser, contentType = 'application/json'): Parser | undefined {
  let installed: Parser | undefined;
  const request = new Request('http://gateway/graphql', { method: 'POST', headers: { 'content-type': contentType }, body: '{}' });
  const hook = utf8BodyPlugin().onRequestParse as unknown as (payload: Record<string, unknown>) => void;
  hook({ request, requestParser: inner, setRequestParser: (parser: Parser) => (installed = parser), fetchAPI: { Request } });
  return installed;
}

describe('utf8BodyPlugin', () => {
  const post = (bytes: Uint8Array<ArrayBuffer>) => new Request('http://gateway/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });

  it('hands a UTF-8 body, emoji and all, to the runtime’s own parser unchanged', async () => {
    const json = { query: 'mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }', variables: { input: { name: 'Zürich 🚀' } } };
    const parser = parserFor(async (request) => request.json());
    expect(await parser?.(post(new Uint8Array(Buffer.from(JSON.stringify(json)))))).toEqual(json);
  });

  it.each([
    ['half an emoji encoded on its own', HALF_AN_EMOJI],
    ['Latin-1 text', LATIN1_U_UMLAUT],
  ])('refuses %s naming the variable that holds it', async (_label, bytes) => {
    const parser = parserFor(async () => ({}));
    const body = bodyWith({ query: 'mutation($input: I!) { x(input: $input) }', variables: { input: { name: 'Aarhus', contacts: [{ name: 'Anne __' }] } } }, bytes);
    const refused = parser?.(post(body)) as Promise<unknown>;
    await expect(refused).rejects.toBeInstanceOf(GraphQLError);
    await expect(refused).rejects.toMatchObject({
      message: expect.stringMatching(/^input\.contacts\[0\]\.name: has bytes that are not UTF-8 \(half of a character such as an emoji .*\); send the text encoded as UTF-8$/),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.contacts[0].name' },
    });
  });

  it('leaves bodies that are not JSON to the runtime', () => {
    expect(parserFor(async () => ({}), 'multipart/form-data; boundary=x')).toBeUndefined();
  });
});

describe('notUtf8Error', () => {
  it('names the offset when the bytes are outside any variable (in the query)', () => {
    const error = notUtf8Error(bodyWith({ query: '{ partners __ }' }, HALF_AN_EMOJI));
    expect(error.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(error.message).toMatch(/^The request body has bytes that are not UTF-8 at offset 21, after "\{\\"query\\":\\"\{ partners " \(half of a character/);
  });

  it('names only the offset when the client sent the stand-in noncharacter itself', () => {
    const error = notUtf8Error(bodyWith({ query: '{ x }', variables: { a: '\uFDD0', b: '__' } }, LATIN1_U_UMLAUT));
    expect(error.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('names the offset when the body is no JSON', () => {
    expect(notUtf8Error(new Uint8Array([0x7b, 0xff])).message).toMatch(/^The request body has bytes that are not UTF-8 at offset 1, after "\{"/);
  });
});

describe('decodeMarkingInvalid', () => {
  it.each([
    ['a CESU-8 surrogate', [0x61, 0xed, 0xa0, 0xbd, 0x62], 'a###b', 1],
    ['an overlong slash', [0xc0, 0xaf], '##', 0],
    ['a sequence cut short at the end', [0x61, 0xf0, 0x9f, 0x9a], 'a###', 1],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '####', 0],
    ['well-formed text', [...Buffer.from('Zürich 🚀')], 'Zürich 🚀', -1],
  ])('marks %s', (_label, bytes, text, firstInvalid) => {
    expect(decodeMarkingInvalid(new Uint8Array(bytes), '#')).toEqual({ text, firstInvalid });
  });
});
