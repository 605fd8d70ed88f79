export * from './infra-endpoints';
export * from './keycloak-fixtures';
