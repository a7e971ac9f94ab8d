// Generates the web app's API types (web/src/lib/api-schema.d.ts) from the server's OpenAPI document,
// so the client's shapes cannot drift from the routes' JSON schemas. Run `npm run generate:web-types`
// after changing a route's schema; test/web-api-types.test.ts fails while the committed file is stale.
// It also copies the password rule (src/identity/password-rule.ts) into web/src/lib/, so the forms check
// exactly what the server does.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { closeContext, createContext } from '../src/compose.js';
import { createPgliteDb } from '../src/db/pglite.js';
import { buildApp } from '../src/compose.js';

export const WEB_API_TYPES_PATH = fileURLToPath(new URL('../web/src/lib/api-schema.d.ts', import.meta.url));

/** The password rule, copied as is into the web app (which imports nothing from src/, only what is generated). */
export const PASSWORD_RULE_SOURCE = fileURLToPath(
  new URL('../src/identity/password-rule.ts', import.meta.url),
);
export const WEB_PASSWORD_RULE_PATH = fileURLToPath(
  new URL('../web/src/lib/password-rule.ts', import.meta.url),
);

/** The web copy of src/identity/password-rule.ts, as written to WEB_PASSWORD_RULE_PATH. */
export function renderWebPasswordRule(): string {
  return `// Copied from src/identity/password-rule.ts by scripts/web-api-types.ts: do not edit.
// Regenerate with \`npm run generate:web-types\`; test/web-api-types.test.ts fails while it is stale.
${readFileSync(PASSWORD_RULE_SOURCE, 'utf8')}`;
}

const HEADER = `// Generated from the API's OpenAPI document by scripts/web-api-types.ts: do not edit.
// Regenerate with \`npm run generate:web-types\`. Properties of a response body are required unless
// its schema lists \`required\`: the server sends every property its response schema names.
`;

/**
 * The OpenAPI document of the API as the server publishes it at /openapi.json. The app is built on
 * an in-memory PGlite with a fixed configuration (never the caller's environment), so the document
 * is the same on every machine.
 */
export async function openapiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const log = pino({ level: 'silent' });
  const db = await createPgliteDb({ dataDir: undefined });
  const ctx = await createContext(config, log, { db, providers: false });
  try {
    const app = await buildApp(ctx);
    try {
      await app.ready();
      return structuredClone(app.swagger()) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await closeContext(ctx);
  }
}

type Schema = Record<string, unknown>;

/** Marks every property of an object schema (and of the objects inside it) required when it says nothing. */
function requireListedProperties(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const item of schema) requireListedProperties(item);
    return;
  }
  const object = schema as Schema;
  const properties = object.properties as Schema | undefined;
  if (properties && object.required === undefined) object.required = Object.keys(properties);
  for (const key of ['properties', 'patternProperties'] as const) {
    const nested = object[key] as Schema | undefined;
    for (const property of Object.values(nested ?? {})) requireListedProperties(property);
  }
  for (const key of ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf'] as const) {
    requireListedProperties(object[key]);
  }
}

/**
 * Response bodies only: a request body's missing `required` means its properties are optional, but
 * a response's means the schema's author did not list them (Fastify serialises the properties the
 * handler returns, and the handlers return them all).
 */
function requireResponseProperties(document: OpenAPI3): void {
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem as Record<string, { responses?: Schema }>)) {
      for (const response of Object.values(operation?.responses ?? {})) {
        const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
        for (const media of Object.values(content)) requireListedProperties(media.schema);
      }
    }
  }
}

/** The TypeScript declarations of `document` (not modified), as written to WEB_API_TYPES_PATH. */
export async function renderWebApiTypes(document: OpenAPI3): Promise<string> {
  const copy = structuredClone(document);
  requireResponseProperties(copy);
  const nodes = await openapiTS(copy, { silent: true, alphabetize: true });
  return HEADER + astToString(nodes);
}

async function main() {
  const source = await renderWebApiTypes(await openapiDocument());
  writeFileSync(WEB_API_TYPES_PATH, source);
  console.log(`wrote ${WEB_API_TYPES_PATH}`);
  writeFileSync(WEB_PASSWORD_RULE_PATH, renderWebPasswordRule());
  console.log(`wrote ${WEB_PASSWORD_RULE_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
