export * from './field-checks';
