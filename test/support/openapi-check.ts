import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Checks JSON against the OpenAPI document's schemas, for the subset @nestjs/swagger writes
 * (OpenAPI 3.0: $ref, allOf, oneOf, nullable, enum, type, properties, required, items,
 * additionalProperties, date and date-time formats). Stricter than the standard on purpose: an
 * object may carry only the properties its schema lists unless it says `additionalProperties`,
 * so an answer with a field the document does not describe is caught too.
 */
type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  enum?: unknown[];
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method]!;
      return { method, path, operationId: op.operationId ?? `${method} ${path}`, responses: op.responses as Operation['responses'] };
    }),
  );
}

export class SchemaChecker {
  constructor(private readonly document: OpenAPIObject) {}

  private resolve(ref: string): Schema {
    const name = ref.replace('#/components/schemas/', '');
    const schema = this.document.components?.schemas?.[name];
    if (!schema) throw new Error(`no schema ${ref}`);
    return schema;
  }

  /** The properties an object schema (with its allOf parts) lists, and whether it allows others. */
  private shape(s: Schema): { properties: Record<string, Schema>; required: string[]; open: boolean } {
    if (s.$ref) return this.shape(this.resolve(s.$ref));
    const parts = (s.allOf ?? []).map((p) => this.shape(p));
    return {
      properties: Object.assign({}, ...parts.map((p) => p.properties), s.properties),
      required: [...parts.flatMap((p) => p.required), ...(s.required ?? [])],
      open: s.additionalProperties !== undefined && s.additionalProperties !== false ? true : parts.some((p) => p.open),
    };
  }

  private isObject(s: Schema): boolean {
    if (s.$ref) return this.isObject(this.resolve(s.$ref));
    return s.type === 'object' || !!s.properties || !!s.allOf?.some((p) => this.isObject(p));
  }

  /** Every way `value` differs from `schema`, as `path: problem`. */
  check(value: unknown, schema: Schema, path = '$'): string[] {
    if (schema.$ref) return this.check(value, { ...this.resolve(schema.$ref), ...(schema.nullable ? { nullable: true } : {}) }, path);
    if (value === null) return schema.nullable ? [] : [`${path}: null, but not nullable`];
    if (schema.oneOf) {
      const matching = schema.oneOf.filter((s) => this.check(value, s, path).length === 0);
      return matching.length === 1 ? [] : [`${path}: matches ${matching.length} of the ${schema.oneOf.length} oneOf schemas`];
    }
    // `allOf: [{ $ref }]` beside `nullable` (how a nullable enum or object is written): the parts' own checks.
    if (schema.allOf && !schema.properties && !schema.type && !schema.allOf.some((p) => this.isObject(p)))
      return schema.allOf.flatMap((p) => this.check(value, p, path));
    if (schema.enum && !schema.enum.includes(value))
      return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
    const type = schema.type ?? (schema.properties || schema.allOf ? 'object' : undefined);
    switch (type) {
      case 'string':
        if (typeof value !== 'string') return [`${path}: ${JSON.stringify(value)} is not a string`];
        if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return [`${path}: "${value}" is not a date`];
        if (schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
          return [`${path}: "${value}" is not a date-time`];
        return [];
      case 'number':
        return typeof value === 'number' ? [] : [`${path}: ${JSON.stringify(value)} is not a number`];
      case 'integer':
        return Number.isInteger(value) ? [] : [`${path}: ${JSON.stringify(value)} is not an integer`];
      case 'boolean':
        return typeof value === 'boolean' ? [] : [`${path}: ${JSON.stringify(value)} is not a boolean`];
      case 'array':
        if (!Array.isArray(value)) return [`${path}: ${JSON.stringify(value)} is not an array`];
        return value.flatMap((v, i) => (schema.items ? this.check(v, schema.items, `${path}[${i}]`) : []));
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: ${JSON.stringify(value)} is not an object`];
        const { properties, required, open } = this.shape(schema);
        const record = value as Record<string, unknown>;
        return [
          ...required.filter((k) => !(k in record)).map((k) => `${path}.${k}: missing`),
          ...Object.entries(record).flatMap(([k, v]) =>
            properties[k]
              ? v === undefined
                ? []
                : this.check(v, properties[k], `${path}.${k}`)
              : open
                ? []
                : [`${path}.${k}: not in the schema`],
          ),
        ];
      }
      default:
        return [];
    }
  }
}
