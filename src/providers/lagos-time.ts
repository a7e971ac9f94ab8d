/**
 * Africa/Lagos wall-clock stamps, as VTpass wants them at the head of every
 * request_id. Computed with Intl (the tz database), never by adding an offset
 * to the machine's local time.
 */

const LAGOS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Lagos',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** YYYYMMDDHHII in Africa/Lagos. */
export function lagosStamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('lagosStamp: invalid date');
  const parts: Record<string, string> = {};
  for (const part of LAGOS_PARTS.formatToParts(now)) parts[part.type] = part.value;
  const stamp = `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}`;
  if (!/^\d{12}$/.test(stamp)) throw new Error(`lagosStamp: unexpected Intl output "${stamp}"`);
  return stamp;
}

/** YYYYMMDD in Africa/Lagos. */
export function lagosDate(now: Date): string {
  return lagosStamp(now).slice(0, 8);
}

/**
 * The instant a YYYYMMDDHHII Lagos stamp denotes, or undefined when it is not
 * a real date and time (month 13, 31 February, hour 24...). Lagos has been
 * UTC+1 without daylight saving since 1919; the round trip through Intl
 * verifies that rather than trusting it.
 */
export function parseLagosStamp(stamp: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h - 1, mi);
  if (Number.isNaN(ms) || y < 2000) return undefined;
  return lagosStamp(new Date(ms)) === stamp ? ms : undefined;
}
