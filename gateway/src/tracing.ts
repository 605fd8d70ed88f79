import { startTelemetry } from '@entente/telemetry';

// Imported first by main.ts so the instrumentations patch http and express before they load.
export const telemetry = startTelemetry('gateway');
