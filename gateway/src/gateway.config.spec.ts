import { corsOf, loadGatewayConfig } from './gateway.config';

const base = { KEYCLOAK_URL: 'http://127.0.0.1:18080' };

describe('the gateway’s CORS', () => {
  it('allows no cross-origin caller unless origins are configured', () => {
    expect(corsOf(loadGatewayConfig(base))).toBe(false);
  });

  it('allows exactly the configured origins, without credentials', () => {
    const cors = corsOf(loadGatewayConfig({ ...base, GATEWAY_CORS_ORIGINS: 'http://127.0.0.1:4200, http://localhost:4200' }));
    expect(cors).toMatchObject({ origin: ['http://127.0.0.1:4200', 'http://localhost:4200'], credentials: false });
  });

  it('refuses a value that is not a list of origins, naming the variable', () => {
    expect(() => loadGatewayConfig({ ...base, GATEWAY_CORS_ORIGINS: 'http://127.0.0.1:4200/app' })).toThrow(/GATEWAY_CORS_ORIGINS/);
    expect(() => loadGatewayConfig({ ...base, GATEWAY_CORS_ORIGINS: '*' })).toThrow(/GATEWAY_CORS_ORIGINS/);
  });
});
