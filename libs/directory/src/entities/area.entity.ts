// No TypeORM entity any more (every query is SQL through Sql): only dto/directory.dto.ts still imports from here.
export { AREA_KINDS } from '../directory.types';
