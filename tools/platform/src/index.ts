export * from './service-processes';
export * from './demo-data';
export * from './demo-network';
export * from './console-server';
export * from './eurocities-seed';
export * from './demo-funding';
export { DEMO_PLANS } from './demo-plans';
export { type DemoFileServer, startDemoFileServer } from './demo-funding-files';
