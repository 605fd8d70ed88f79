/**
 * Network's public module, for tooling that runs its pure code in process
 * (the benchmarks in tools/bench): the spotter and the shapes it is fed.
 * Nothing else of network is reachable from outside it (Nx module
 * boundaries).
 */
export { type CopyChange, Spotter, type SpotterUpdate } from './spotting/spotter';
export type { MemberRecord } from './spotting/spotting-rules';
export type { MemberProfile, OpenCall, Suggestion } from './spotting/suggestion';
export type { SharedCopy } from './sharing/sharing-scopes';
