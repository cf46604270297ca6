export * from './schemas';
export * from './channels';
