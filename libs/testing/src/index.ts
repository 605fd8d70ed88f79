export * from './infra-endpoints';
export * from './keycloak-fixtures';
export * from './platform-fixture';
export * from './otlp-collector';
