#!/usr/bin/env node
// `npm run api:types`: the web app's API types from the API's own code, with nothing running.
//
// 1. Builds the OpenAPI document as the API serves it at /docs/openapi.json
//    (apps/api/src/openapi.ts: the real ApiModule in Nest's preview mode, which registers every
//    route but instantiates no provider, so no PostgreSQL, Redis or queue is needed).
// 2. Writes it to apps/web/src/api/openapi.json and its types (openapi-typescript) to
//    apps/web/src/api/schema.d.ts; apps/web/src/api/types.ts names the ones the pages use.
//
// The TypeScript sources are loaded through a require hook that transpiles each file on its own
// with TypeScript's transpileModule (the project's tsconfig, CommonJS), which is what ts-jest does
// for this repository (isolatedModules), so the drift test (test/openapi.e2e-spec.ts) sees the same
// decorator metadata and so the same document. Nothing is written to dist/; takes a few seconds.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');

/** `.ts` files transpiled on load; `@weiquan/<lib>[/<path>]` resolved as tsconfig's paths say. */
function registerTypeScript() {
  const tsconfig = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const compilerOptions = {
    ...tsconfig.options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
    incremental: false,
    noEmit: false,
  };
  Module._extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const m = /^@weiquan\/([a-z]+)(\/.+)?$/.exec(request);
    return resolveFilename.call(this, m ? join(ROOT, 'libs', m[1], 'src', m[2] ?? '') : request, ...rest);
  };
}

registerTypeScript();
require('reflect-metadata');
const { buildOpenApiDocument } = require(join(ROOT, 'apps/api/src/openapi.ts'));
const { GENERATED, openApiTypes } = require(join(ROOT, 'test/support/openapi-types.ts'));

const document = await buildOpenApiDocument();
const prettier = await import('prettier');
const jsonFile = join(ROOT, GENERATED.document);
const json = await prettier.format(JSON.stringify(document), { ...(await prettier.resolveConfig(jsonFile)), filepath: jsonFile });
writeFileSync(jsonFile, json);
writeFileSync(join(ROOT, GENERATED.types), await openApiTypes(document));

const operations = Object.values(document.paths).flatMap((item) =>
  Object.keys(item).filter((k) => ['get', 'put', 'post', 'patch', 'delete'].includes(k)),
);
process.stdout.write(`api:types: ${operations.length} operations → ${GENERATED.document}, ${GENERATED.types}\n`);
