export * from './mime';
export * from './greenmail';
