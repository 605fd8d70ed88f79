/**
 * TEST-ONLY fault injection. Integration tests set
 * ENTENTE_FAULT_INJECTION=relay-exit-after-publish on a child process to prove
 * that a relay killed between publishing and removing an outbox entry
 * republishes it after restart. Nothing sets it in any deployment; the value
 * must match exactly, so a stray setting does nothing.
 */
export const FAULT_INJECTION_ENV = 'ENTENTE_FAULT_INJECTION';

export type RelayFault = 'relay-exit-after-publish';

export function relayFaultFrom(env: NodeJS.ProcessEnv = process.env): RelayFault | undefined {
  return env[FAULT_INJECTION_ENV] === 'relay-exit-after-publish' ? 'relay-exit-after-publish' : undefined;
}

/** A hard kill, as a crash would be: no finally blocks, no graceful disconnect. */
export function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL was sent');
}
