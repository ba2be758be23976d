export * from './rollup.rules';
export * from './rollup.migration';
export * from './open.migration';
export * from './rollup.service';
export * from './metrics';
export * from './period';
export * from './stats.module';
export * from './stats.repository';
