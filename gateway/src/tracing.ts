// Loaded first by main.ts so the instrumentations patch modules before they load.
import { startTelemetry } from '@entente/telemetry';

startTelemetry('gateway');
