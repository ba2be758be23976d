import type { OpenAPIObject } from '@nestjs/swagger';
import { normaliseTrackingNo } from '@weiquan/cases';
import { CreateComplaintDto, isValidIdNumber, isValidUscc } from '@weiquan/complaints';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../apps/api/src/openapi';
import { operationsOf } from './support/openapi-check';
import { GENERATED, openApiTypes } from './support/openapi-types';
import { startTestApi } from './support/test-api';

const ROOT = join(__dirname, '..');
const STALE = 'is stale: run npm run api:types and commit what it writes';

/**
 * Operations that can answer no 4xx at all: they take no parameters, body or sign-in (the liveness
 * and readiness probes, the Prometheus scrape, the directory's fixed lists). Every other operation
 * must document its client errors; this list must stay exactly those without.
 */
const NO_CLIENT_ERRORS = [
  'get /health/live',
  'get /health/ready',
  'get /metrics',
  'get /api/v1/directory/areas',
  'get /api/v1/directory/categories',
  'get /api/v1/directory/regulators',
];

/** The web app's API types (apps/web/src/api) are generated from the code's OpenAPI document; this fails when they drift. */
describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it('is what the committed web types were generated from', async () => {
    const committed = readFileSync(join(ROOT, GENERATED.types), 'utf8');
    const generated = await openApiTypes(document);
    if (generated !== committed) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = b.findIndex((l, i) => l !== a[i]);
      throw new Error(
        `${GENERATED.types} ${STALE}.\nFirst difference at line ${line + 1}:\n  committed: ${a[line]?.trim()}\n  the code:  ${b[line]?.trim()}`,
      );
    }
    const json: unknown = JSON.parse(readFileSync(join(ROOT, GENERATED.document), 'utf8'));
    if (JSON.stringify(json) !== JSON.stringify(document)) throw new Error(`${GENERATED.document} ${STALE}.`);
  });

  it('gives every operation a response schema, and its client errors in the contract shape', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(36);
    const noSchema = operations.filter(
      (op) =>
        // A 204 (logout, a password change) has no body to describe.
        !Object.entries(op.responses).some(
          ([status, r]) => status === '204' || (/^2/.test(status) && Object.values(r.content ?? {}).some((c) => c.schema)),
        ),
    );
    expect(noSchema.map((op) => `${op.method} ${op.path}`)).toEqual([]);

    const withoutClientErrors = operations
      .filter((op) => !Object.keys(op.responses).some((s) => /^4/.test(s)))
      .map((op) => `${op.method} ${op.path}`);
    expect(withoutClientErrors.sort()).toEqual([...NO_CLIENT_ERRORS].sort());

    // Every client error answers the contract's { statusCode, error, message, details? } (an error
    // schema may add a field, e.g. 409's `allowed`): a named schema, so clients share one type.
    const errorSchemas = new Set<string>();
    for (const op of operations) {
      for (const [status, r] of Object.entries(op.responses).filter(([s]) => /^4/.test(s))) {
        const ref = r.content?.['application/json']?.schema?.$ref ?? '';
        expect({ answer: `${op.method} ${op.path} ${status}`, ref }).toEqual({
          answer: `${op.method} ${op.path} ${status}`,
          ref: expect.stringMatching(/^#\/components\/schemas\//),
        });
        errorSchemas.add(ref.replace('#/components/schemas/', ''));
      }
    }
    expect(errorSchemas).toContain('ErrorDto');
    for (const name of errorSchemas) {
      const schema = document.components!.schemas![name] as { required?: string[] };
      expect({ name, schema }).toMatchObject({
        name,
        schema: {
          required: expect.arrayContaining(['statusCode', 'error', 'message']),
          properties: {
            statusCode: { type: 'number' },
            error: { type: 'string' },
            message: { type: 'string' },
            details: { type: 'array' },
          },
        },
      });
      expect({ name, required: schema.required }).not.toEqual({ name, required: expect.arrayContaining(['details']) });
    }
  });

  it('marks optional headers optional and the access code required', () => {
    const headers = operationsOf(document).flatMap((op) =>
      ((document.paths[op.path][op.method as 'get'] ?? {}).parameters ?? [])
        .filter((p) => 'in' in p && p.in === 'header')
        .map((p) => ({
          op: `${op.method} ${op.path}`,
          name: (p as { name: string }).name,
          required: !!(p as { required?: boolean }).required,
        })),
    );
    for (const h of headers) {
      if (h.name === 'X-Access-Code') expect(h).toMatchObject({ required: true });
      else expect(h).toMatchObject({ name: expect.stringMatching(/^(Idempotency-Key|Accept-Language)$/), required: false });
    }
    // One parameter per header, in its usual spelling (no second, lower-case one from @Headers()).
    const perOperation = new Map<string, string[]>();
    for (const h of headers) perOperation.set(h.op, [...(perOperation.get(h.op) ?? []), h.name.toLowerCase()]);
    for (const names of perOperation.values()) expect(new Set(names).size).toBe(names.length);
    expect(headers.filter((h) => h.name === 'X-Access-Code')).toHaveLength(9);
    expect(headers.find((h) => h.name === 'Idempotency-Key')).toEqual({
      op: 'post /api/v1/complaints',
      name: 'Idempotency-Key',
      required: false,
    });
  });

  it('has example values the API itself accepts', async () => {
    const examples = collectExamples(document);
    const of = (prop: string) => examples.filter((e) => e.property === prop).map((e) => e.example);
    expect(of('creditCode').length).toBeGreaterThan(0);
    for (const code of of('creditCode')) expect({ code, valid: isValidUscc(String(code)) }).toEqual({ code, valid: true });
    for (const id of of('idNumber').filter((v) => !String(v).includes('*')))
      expect({ id, valid: isValidIdNumber(String(id)) }).toEqual({ id, valid: true });
    for (const phone of of('phone').filter((v) => !String(v).includes('*'))) expect(String(phone)).toMatch(/^1[3-9]\d{9}$/);
    for (const no of [...of('trackingNo'), ...of('linkedTrackingNo')])
      expect({ no, valid: normaliseTrackingNo(String(no)) }).toEqual({ no, valid: no });

    // The request body made of the document's examples passes the API's own validation.
    const body = exampleOf(document, { $ref: '#/components/schemas/CreateComplaintDto' });
    const errors = await validate(plainToInstance(CreateComplaintDto, body), { whitelist: true, forbidNonWhitelisted: true });
    expect(errors.map((e) => `${e.property}: ${JSON.stringify(e.constraints ?? e.children)}`)).toEqual([]);

    const idempotency = (document.paths['/api/v1/complaints'].post!.parameters ?? []).find(
      (p) => 'name' in p && p.name === 'Idempotency-Key',
    ) as { schema: { example: string } };
    expect(idempotency.schema.example).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  });

  it('is the document the running API serves at /docs/openapi.json', async () => {
    const api = await startTestApi();
    try {
      const served = await api.http.get('/docs/openapi.json').expect(200);
      expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
    } finally {
      await api.close();
    }
  });
});

type Schema = {
  $ref?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  type?: string;
  required?: string[];
};

function resolve(document: OpenAPIObject, s: Schema): Schema {
  return s.$ref ? document.components!.schemas![s.$ref.replace('#/components/schemas/', '')] : s;
}

/** Every property example in the document's schemas. */
function collectExamples(document: OpenAPIObject): { schema: string; property: string; example: unknown }[] {
  return Object.entries(document.components!.schemas! as Record<string, Schema>).flatMap(([schema, s]) =>
    Object.entries(s.properties ?? {}).flatMap(([property, p]) =>
      p.example !== undefined ? [{ schema, property, example: p.example }] : [],
    ),
  );
}

/** A value built from the schema's examples (or its first enum value): what a client reading the document would send. */
function exampleOf(document: OpenAPIObject, schema: Schema): unknown {
  const s = resolve(document, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.properties) {
    return Object.fromEntries(
      Object.entries(s.properties)
        .map(([k, p]) => [k, exampleOf(document, p)] as const)
        .filter(([k, v]) => v !== undefined || s.required?.includes(k)),
    );
  }
  if (s.type === 'array' && s.items) return [exampleOf(document, s.items)];
  return undefined;
}
