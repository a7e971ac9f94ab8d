/** Africa/Lagos keeps West Africa Time, UTC+1, all year (no daylight saving). */
const LAGOS_OFFSET_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The Africa/Lagos calendar day of a moment, `YYYY-MM-DD`. */
export function lagosDay(at: Date): string {
  return new Date(at.getTime() + LAGOS_OFFSET_MS).toISOString().slice(0, 10);
}

/** The next Africa/Lagos midnight after a moment: when the daily allowance starts again. */
export function nextLagosMidnight(at: Date): Date {
  const local = new Date(at.getTime() + LAGOS_OFFSET_MS);
  local.setUTCHours(24, 0, 0, 0);
  return new Date(local.getTime() - LAGOS_OFFSET_MS);
}

/** The Africa/Lagos calendar day holding a moment: [start, end) as instants. */
export function lagosDayBounds(at: Date): { start: Date; end: Date } {
  const end = nextLagosMidnight(at);
  return { start: new Date(end.getTime() - DAY_MS), end };
}
