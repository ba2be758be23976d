export * from './calendar.migration';
export * from './calendar.module';
export * from './calendar.service';
export * from './working-days';
