export * from './jurisdiction.migration';
export * from './routing.migration';
export * from './routing.module';
export * from './designation.rules';
export * from './jurisdiction.rules';
export * from './routing.rules';
export * from './routing.types';
export * from './routing.service';
