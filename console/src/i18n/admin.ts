import type { Shape } from './shape';

/** Words of the admin screens: jurisdiction profile, users, platform (export and offboarding). */
export const en = {};

export const de: Shape<typeof en> = {};
