import { createContext, useContext } from 'react';
import type { Auth } from './auth';
import type { JurisdictionLocale } from './format';
import { can, type Capability } from './roles';

export interface Session {
  auth: Auth;
  jurisdiction: { id: string; name: string; fiscalYearStart: string } & JurisdictionLocale;
  /** A platform-admin whose token names no onboarded jurisdiction: only the administration screens apply. */
  platformOnly?: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}

export function useCan(capability: Capability): boolean {
  return can(useSession().auth.person.roles, capability);
}
