export * from './field-checks';
export * from './csv';
