import { ApiError } from './api';
import { formatDateTime } from './format';

/** A PIN is 4 digits. */
export const PIN_LENGTH = 4;

/** The codes a money-moving request is refused with for its transaction PIN. */
const PIN_CODES = new Set(['pin_required', 'pin_invalid', 'pin_locked', 'pin_not_set']);

export function isPinRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && PIN_CODES.has(error.code);
}

/** What to tell the person about a PIN refusal, plainly (attempts left, locked until when). */
export function pinMessage(error: unknown): string | null {
  if (!isPinRefusal(error)) return null;
  const problem = error.problem;
  if (error.code === 'pin_invalid') {
    const left = typeof problem.attemptsRemaining === 'number' ? problem.attemptsRemaining : null;
    if (left === null) return 'That PIN is not right. Try again.';
    return left === 1
      ? 'That PIN is not right. 1 attempt left before payments are locked for 30 minutes.'
      : `That PIN is not right. ${left} attempts left.`;
  }
  if (error.code === 'pin_locked') {
    const until = typeof problem.lockedUntil === 'string' ? formatDateTime(problem.lockedUntil) : null;
    return `Too many wrong PINs. Sending, paying and withdrawing are locked${until ? ` until ${until}` : ' for 30 minutes'}. You can reset your PIN under Security.`;
  }
  if (error.code === 'pin_not_set') return 'Set your transaction PIN first.';
  return 'Enter your transaction PIN.';
}
