import { escapeHtml } from './alert-mail';

/** The small page a mail link (unsubscribe, stop following) answers with: a title and a sentence, no script. `message` is HTML the caller escaped. */
export function linkPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Entente</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1><p>${message}</p></body></html>`;
}
