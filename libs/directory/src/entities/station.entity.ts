// No TypeORM entity any more (every query is SQL through Sql): only dto/directory.dto.ts still imports from here.
export { STATION_TYPES } from '../directory.types';
export type { StationType } from '../directory.types';
