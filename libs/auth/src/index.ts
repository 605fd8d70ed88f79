export * from './identity';
export * from './authentication.error';
export * from './bearer-token';
export * from './token-verifier';
export * from './graphql/graphql-errors';
export * from './graphql/graphql-auth.context';
export * from './graphql/current-identity.decorator';
export * from './graphql/auth.guards';
