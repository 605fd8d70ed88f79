import Keycloak from 'keycloak-js';
import type { ConsoleConfig } from './config';

export interface Person {
  username: string;
  name: string;
  jurisdiction: string;
  roles: string[];
}

export interface Auth {
  person: Person;
  /** A token valid for at least 30 more seconds, refreshed first when it is not. */
  freshToken(): Promise<string>;
  /** Ends the Keycloak session too, not only the console's. */
  signOut(): Promise<void>;
}

/**
 * Signs in through Keycloak's own login page (authorization code with PKCE
 * S256). Tokens stay in this object's memory: keycloak-js keeps only the
 * login's state and code verifier in storage, and only until it returns.
 */
export async function signIn(config: ConsoleConfig, language: string): Promise<Auth> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The session-status iframe needs third-party cookies that browsers block; refresh failures sign out instead.
    checkLoginIframe: false,
    locale: language,
  });
  const refresh = async (minValidity: number): Promise<void> => {
    try {
      await keycloak.updateToken(minValidity);
    } catch {
      // The session ended (signed out elsewhere, deactivated, expired): back to the login page.
      await keycloak.login();
    }
  };
  // Refreshed ahead of expiry even when the page is idle, so the first click after a pause does not wait.
  keycloak.onTokenExpired = () => void refresh(60);
  const parsed = (keycloak.tokenParsed ?? {}) as { preferred_username?: string; name?: string; jurisdiction?: string; realm_access?: { roles?: string[] } };
  return {
    person: {
      username: parsed.preferred_username ?? '',
      name: parsed.name ?? parsed.preferred_username ?? '',
      jurisdiction: parsed.jurisdiction ?? '',
      roles: parsed.realm_access?.roles ?? [],
    },
    async freshToken() {
      await refresh(30);
      return keycloak.token ?? '';
    },
    async signOut() {
      await keycloak.logout({ redirectUri: `${window.location.origin}/` });
    },
  };
}
