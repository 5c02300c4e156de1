export * from './lib/diagnostic';
export * from './lib/types';
export * from './lib/validate-parallel-json';
