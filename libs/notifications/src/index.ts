export * from './gateways/email.gateway';
export * from './gateways/sms.gateway';
export * from './notification.sender';
export * from './notification.templates';
export * from './notification.writer';
export * from './notifications.migration';
export * from './notifications.module';
