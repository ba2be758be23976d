import { types } from 'pg';

// A DATE column is a calendar day (a deadline, an incident date): keep it as 'YYYY-MM-DD' rather
// than letting pg turn it into a Date at local midnight, which shifts with the process time zone.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);
// bigint counters (sums of fen, counts) arrive as strings; leave them so: no silent float rounding.
