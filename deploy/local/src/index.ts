export type { InfraProfile, ServerName } from './profiles';
export { profileConfig, SERVER_NAMES } from './profiles';
export type { InfraEndpoints, ServerState, StartOptions, StartResult, Logger } from './infra';
export { startInfrastructure, startInfrastructureDetailed, stopInfrastructure, releaseInfrastructure, infrastructureStatus, killServer } from './infra';
export { REPO_ROOT, RUNTIME_DIR } from './paths';
export { InfraError } from './errors';
export { dockerEngineReachable } from './docker';
export { GREENMAIL_VERSION, KAFKA_VERSION, KEYCLOAK_VERSION, MONGO_JAVA_SERVER_VERSION } from './maven';
