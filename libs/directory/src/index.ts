export * from './directory.module';
export * from './directory.repository';
export * from './directory.service';
export * from './directory.types';
export * from './import/directory-import.service';
export * from './import/station-import.types';
export * from './seed/directory-seeder';
export * from './seed/seed-files';
import { Directory1763700000000 } from './migrations/1763700000000-directory';

export const DIRECTORY_MIGRATIONS = [Directory1763700000000];
export { DirectoryAlertEmail1763700002300 } from './migrations/1763700002300-alert-email';
