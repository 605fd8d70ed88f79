import type { Shape } from './shape';

/** Words of the registry record screens: relationships, the engagement log, change history, imports. */
export const en = {};

export const de: Shape<typeof en> = {};
