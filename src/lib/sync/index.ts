export * from './protocol';
export * from './merge';
