export * from './service-processes';
export * from './demo-data';
export * from './console-server';
export * from './eurocities-seed';
