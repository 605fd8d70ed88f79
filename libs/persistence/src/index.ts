export * from './tenant-query';
export * from './tenant-repository';
export * from './page';
export * from './mongo-connection';
export * from './tenant-data';
export * from './duplicate-key';
export * from './keyed-batcher';
