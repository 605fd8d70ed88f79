export * from './infra-endpoints';
export * from './keycloak-fixtures';
export * from './local-issuer';
export * from './browser-login';
export * from './feature-cycles';
export * from './platform-apps';
export * from './mail-inbox';
