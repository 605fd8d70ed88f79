import type { PlatformRole } from '@entente/auth';

/** A person of a jurisdiction as the identity provider knows them. */
export interface DirectoryUser {
  readonly userId: string;
  readonly username: string;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly jurisdictionId: string | null;
  readonly roles: readonly PlatformRole[];
  readonly enabled: boolean;
  readonly createdAt: Date | null;
}

export interface NewDirectoryUser {
  readonly jurisdictionId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly PlatformRole[];
}

/**
 * The realm is the one source of users: the registry invites, lists,
 * deactivates and removes them through this port and keeps no copy.
 */
export interface UserDirectory {
  /**
   * Creates an enabled user bound to the jurisdiction with the roles and a
   * temporary password that must be changed at first login. Throws
   * ConflictError when the email is taken.
   */
  invite(user: NewDirectoryUser): Promise<{ user: DirectoryUser; temporaryPassword: string }>;
  find(userId: string): Promise<DirectoryUser | null>;
  listByJurisdiction(jurisdictionId: string): Promise<DirectoryUser[]>;
  /** Disabling also ends the user's sessions, so their tokens stop passing introspection. */
  setEnabled(userId: string, enabled: boolean): Promise<void>;
  remove(userId: string): Promise<void>;
}

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');
