import type { SchemaParts } from '@weiquan/core';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from '@weiquan/directory';

/**
 * Every domain's entities and migrations, in the order the migrations must run. Each new domain
 * library adds its lists here.
 */
export const SCHEMA: SchemaParts = {
  entities: [...DIRECTORY_ENTITIES],
  migrations: [...DIRECTORY_MIGRATIONS],
};
