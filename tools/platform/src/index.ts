export * from './service-processes';
export * from './demo-data';
