/**
 * The layering rules, checked by `npm run lint` (scripts/depcruise.mjs).
 *
 * Layers, bottom up: errors (the error-code kernel, imports nothing), db,
 * config/log, http (Fastify infrastructure), providers (adapters to the
 * outside, no domain), ledger, then the domain modules (identity,
 * idempotency, outbox, wallets, bills, kyc), then the composition roots
 * (server.ts, context.ts, consumers.ts, main.ts, cli.ts, worker/tasks.ts,
 * operations/) that wire them.
 */
const DOMAIN = '(bills|identity|idempotency|kyc|ledger|limits|outbox|providers|risk|wallets|operations)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles (a type-only import vanishes at run time and cannot form one).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'errors-is-the-kernel',
      severity: 'error',
      comment: 'src/errors is imported by every layer, so it imports nothing of ours.',
      from: { path: '^src/errors/' },
      to: { path: '^src/' , pathNot: '^src/errors/' },
    },
    {
      name: 'ledger-imports-only-db',
      severity: 'error',
      comment: 'The ledger is the bottom of the domain: it may use db and the errors kernel, nothing else of ours.',
      from: { path: '^src/ledger/' },
      to: { path: '^src/', pathNot: ['^src/ledger/', '^src/db/', '^src/errors/'] },
    },
    {
      name: 'limits-imports-only-ledger',
      severity: 'error',
      comment: 'Limits are ledger control accounts: the module uses the ledger, db and the errors kernel only.',
      from: { path: '^src/limits/' },
      to: { path: '^src/', pathNot: ['^src/limits/', '^src/ledger/index\\.ts$', '^src/db/', '^src/errors/'] },
    },
    {
      name: 'providers-import-no-domain',
      severity: 'error',
      comment: 'Provider adapters and simulators know no domain module and no database.',
      from: { path: '^src/providers/' },
      to: { path: `^src/(${DOMAIN.slice(1, -1)}|db|context\\.ts|http)`, pathNot: '^src/providers/' },
    },
    {
      name: 'http-is-infrastructure',
      severity: 'error',
      comment: 'http/ is plain Fastify infrastructure: it knows no module (the composition root passes the routes in).',
      from: { path: '^src/http/' },
      to: { path: `^src/${DOMAIN}/` },
    },
    {
      name: 'idempotency-store-is-database-only',
      severity: 'error',
      comment: 'The store (the ledger batcher writes through it) needs only the database; the HTTP wrapper is http.ts.',
      from: { path: '^src/idempotency/store\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/db/', '^src/errors/'] },
    },
    {
      name: 'db-is-infrastructure',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: `^src/${DOMAIN}/` },
    },
    {
      name: 'modules-through-index',
      severity: 'error',
      comment: "Another module is reached only through its index.ts, never its internals.",
      from: { path: `^src/(${DOMAIN.slice(1, -1)})/` },
      to: {
        path: `^src/${DOMAIN}/`,
        pathNot: ['^src/$1/', `^src/${DOMAIN}/index\\.ts$`],
      },
    },
    {
      name: 'roots-through-index',
      severity: 'error',
      comment:
        'Composition roots use a module through its index.ts, or its routes.ts (route plugins, which only a root registers).',
      from: { path: '^src/', pathNot: `^src/${DOMAIN}/` },
      to: { path: `^src/${DOMAIN}/`, pathNot: `^src/${DOMAIN}/(index|routes)\\.ts$` },
    },
    {
      name: 'web-imports-nothing-from-src',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only (its API types are generated).',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['node_modules', '\\.test\\.tsx?$', '^src/test-support/', '(^|/)testing\\.ts$'] },
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
  },
};
