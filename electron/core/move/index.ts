/** Live migration from Ferry: which VMs may move, the queue, where a move starts, the prediction, the read-back. Pure. */
export * from './candidates';
export * from './queue';
export * from './start-where';
export * from './predict';
export * from './landing';
export * from './history';
export * from './vm-name';
export * from './storage-tested';
