export * from './platform-fixture';
export * from './otlp-collector';
