export * from './domain-errors';
export * from './duplicate-key';
