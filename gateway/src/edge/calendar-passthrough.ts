import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** `/<secret>.ics` below /calendar: 32 random bytes in base64url, as the funding service makes them. */
const FEED_PATH = /^\/[A-Za-z0-9_-]{43}\.ics$/;
/** What a calendar app needs of the funding service's answer; nothing else crosses. */
const PASSED_HEADERS = ['content-type', 'content-length', 'cache-control', 'content-disposition', 'referrer-policy'];

/**
 * `GET /calendar/<secret>.ics` on the API's origin, forwarded to the funding
 * service: a calendar app subscribes with a URL and no token, so this path
 * skips the token check (the secret in the path is the credential, and the
 * funding service checks it). Only that path shape and GET/HEAD pass.
 */
export function calendarPassthrough(fundingOrigin: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !FEED_PATH.test(path)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const upstream = httpRequest(`${fundingOrigin}/calendar${path}`, { method: req.method, headers: { accept: 'text/calendar' } }, (answer) => {
      const headers = Object.fromEntries(PASSED_HEADERS.flatMap((name) => (answer.headers[name] === undefined ? [] : [[name, answer.headers[name] as string]])));
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('The calendar is not reachable; retry shortly.');
      else res.destroy();
    });
    upstream.end();
  };
}
