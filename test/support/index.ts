export * from './platform-fixture';
export * from './otlp-collector';
export * from './test-jurisdictions';
