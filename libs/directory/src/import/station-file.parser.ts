import type { ParsedRecords, RecordKind } from './record-file.parser';
import { parseRecordFile } from './record-file.parser';

/**
 * Reads the bureau's station list (CSV or JSON) into raw rows, each with the line it starts on
 * (the shared reader, record-file.parser.ts). Only syntax is checked here; the rules decide what a row means.
 */
export type ParsedFile = ParsedRecords;

export { detectFormat } from './record-file.parser';

const STATIONS: RecordKind = { listKey: 'stations', zh: '站点', en: 'station', enPlural: 'stations' };

export function parseStationFile(text: string, format: 'csv' | 'json'): ParsedFile {
  return parseRecordFile(text, format, STATIONS);
}
