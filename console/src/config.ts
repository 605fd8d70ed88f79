/** Where the console finds Keycloak; the console server answers /config.json from its own settings. */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

const DEV_DEFAULTS: ConsoleConfig = { keycloakUrl: 'http://127.0.0.1:18080', realm: 'entente', clientId: 'entente-console' };

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  // The Vite dev server has no /config.json: npm start's Keycloak then.
  if (!response.ok) return DEV_DEFAULTS;
  return { ...DEV_DEFAULTS, ...((await response.json()) as Partial<ConsoleConfig>) };
}
