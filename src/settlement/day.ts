/** Africa/Lagos settlement days as `YYYY-MM-DD`. */
import { AppError } from '../errors/index.js';
import { lagosDay, lagosDayBounds } from '../limits/index.js';

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Days a list may span. */
export const MAX_LIST_DAYS = 92;

/** [start, end) of a `YYYY-MM-DD` Africa/Lagos day. */
export function dayBounds(day: string): { start: Date; end: Date } {
  return lagosDayBounds(new Date(`${day}T12:00:00+01:00`));
}

export const addDays = (day: string, n: number) =>
  lagosDay(new Date(dayBounds(day).start.getTime() + n * DAY_MS + 1));

/** The days from `from` to `to` (default: the week up to today), newest first; never past today. */
export function dayRange(today: string, q: { from?: string; to?: string }): string[] {
  const to = q.to !== undefined && q.to < today ? q.to : today;
  const from = q.from ?? addDays(to, -6);
  if (!DAY.test(from) || !DAY.test(to) || from > to)
    throw new AppError('bad_request', 'from and to are days (YYYY-MM-DD), from not after to');
  const days: string[] = [];
  for (let d = to; d >= from; d = addDays(d, -1)) {
    if (days.length === MAX_LIST_DAYS)
      throw new AppError('bad_request', `At most ${MAX_LIST_DAYS} days at once`);
    days.push(d);
  }
  return days;
}
