export * from './warnings.module';
export * from './consumer-warnings/consumer-warnings.migration';
export * from './consumer-warnings/consumer-warnings.service';
export * from './alerts/alerts.migration';
export * from './alerts/early-warning.rules';
export * from './alerts/early-warning.service';
