import type { Shape } from './shape';

/** Words of the planning work screens: strategy and goals, the activity editor, visit requests, reports. */
export const en = {};

export const de: Shape<typeof en> = {};
