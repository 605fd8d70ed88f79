import { parseMail, type ReceivedMail } from './mime';

/**
 * The mail an address received at GreenMail (the local mail server
 * deploy/local starts), oldest first, read from its REST API at `mailApiUrl`.
 */
export async function readMailbox(mailApiUrl: string, address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${mailApiUrl}/api/user/${encodeURIComponent(address)}/messages/INBOX`, { signal: AbortSignal.timeout(5_000) });
  // GreenMail answers 400 for an address that has received nothing yet.
  if (response.status === 400) return [];
  if (!response.ok) throw new Error(`the mail server answered ${response.status} for ${address}: ${await response.text()}`);
  const messages = (await response.json()) as Array<{ mimeMessage: string }>;
  return messages.map((message) => parseMail(message.mimeMessage));
}
