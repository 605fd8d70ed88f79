import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest request body the gateway and the services accept: enough for
 * the imports that travel inside a GraphQL request (the whole Wikidata
 * twinning TSV pair is under 1 MB; a CSV may be a few MB), small enough that
 * a mistaken upload is refused before it costs memory.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The answer to a body over the limit: GraphQL-shaped like every other refusal, and saying what to do. */
export function sendPayloadTooLarge(res: ServerResponse, limitBytes: number, receivedBytes?: number): void {
  const size = receivedBytes === undefined ? 'larger than' : `${megabytes(receivedBytes)}, over`;
  const message = `The request body is ${size} the limit of ${megabytes(limitBytes)}; split the import into smaller files.`;
  res.statusCode = 413;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes } }] }));
}

/** Refuses a request whose declared length is over the limit, before its body is read. */
export function declaredBodyLimit(limitBytes: number = MAX_REQUEST_BODY_BYTES) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) return sendPayloadTooLarge(res, limitBytes, declared);
    next();
  };
}

/**
 * Express error middleware for the JSON body parser: a body over its limit
 * (sent without a length, so only the parser could tell) gets the same
 * answer, never the parser's HTML page with a stack trace; a body that is not
 * JSON gets a plain 400. Anything else goes on to Nest.
 */
export function bodyParserErrors(limitBytes: number = MAX_REQUEST_BODY_BYTES) {
  return (error: unknown, _req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') return sendPayloadTooLarge(res, limitBytes);
    if (type === 'entity.parse.failed') {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
    next(error);
  };
}
