export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** The subgraphs to compose; from config, or a subset in tests. */
export const SUBGRAPHS = Symbol('SUBGRAPHS');
