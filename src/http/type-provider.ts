import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';

/**
 * What fast-json-stringify accepts beyond JSON's own types: a bigint for an integer (money leaves the
 * code as bigint) and a Date for a date-time string; a schema allowing any JSON value, or
 * any object or null (audit snapshots), takes what the code holds.
 */
type SerializerOptions = {
  deserialize: [
    { pattern: { type: 'integer' }; output: number | bigint },
    { pattern: { type: readonly ['integer', 'null'] }; output: number | bigint | null },
    { pattern: { type: 'string'; format: 'date-time' }; output: string | Date },
    {
      pattern: { type: readonly ['object', 'array', 'string', 'number', 'boolean', 'null'] };
      output: unknown;
    },
    { pattern: { type: readonly ['object', 'null']; additionalProperties: true }; output: unknown },
  ];
};

/**
 * A response object names what is sent: the serializer drops every property its schema does not list,
 * so a reply type has no `[key: string]: unknown` (which interfaces such as a view type never satisfy).
 */
type Sent<T> = T extends readonly (infer U)[]
  ? Sent<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T as string extends K ? never : K]: Sent<T[K]> }
      : T;

/**
 * Route types inferred from the routes' `as const` JSON schemas: params, query, body and headers as
 * validated, and the reply as serialised.
 */
export interface SchemaTypeProvider extends FastifyTypeProvider {
  validator: WithSchema<JsonSchemaToTsProvider, this['schema']>['validator'];
  serializer: Sent<
    WithSchema<
      JsonSchemaToTsProvider<{ SerializerSchemaOptions: SerializerOptions }>,
      this['schema']
    >['serializer']
  >;
}

/** What a request schema (a querystring, a body) validates into, for code beside the route. */
export type Validated<Schema> = WithSchema<JsonSchemaToTsProvider, Schema>['validator'];

/** A type provider applied to one schema (as Fastify applies it). */
type WithSchema<Provider, Schema> = Provider & { schema: Schema };

/** The app as route files register on it, with request and reply types from the schemas. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<SchemaTypeProvider>();
