/** JSON schemas of the provider routes. */

export const KNOBS = {
  type: 'object',
  properties: {
    latencyMs: { type: 'number' },
    failureRate: { type: 'number' },
    pendingRate: { type: 'number' },
    lostResponseRate: { type: 'number' },
    pendingMs: { type: 'number' },
    timeoutMs: { type: 'number' },
    reversalMs: { type: 'number' },
    profile: { type: 'string' },
    webhookUrl: { type: ['string', 'null'] },
    commissionBps: { type: ['integer', 'null'] },
    commissionFlatMinor: { type: ['integer', 'null'] },
    balanceDriftMinor: { type: 'integer' },
    floatEnforced: { type: 'boolean' },
  },
} as const;
