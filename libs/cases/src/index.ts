export * from './case-status';
export * from './cases.migration';
export * from './rule-set';
