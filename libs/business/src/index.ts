export * from './business.migration';
export * from './business.module';
export * from './demo-business';
