export * from './business.migration';
export * from './business.module';
