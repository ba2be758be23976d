export * from './jurisdiction.migration';
export * from './routing.migration';
export * from './routing.module';
export * from './routing.rules';
export * from './routing.service';
