/**
 * The password rule, stated once: the server checks it (validation.ts) and the
 * web sign-up and password forms use a verbatim copy (web/src/lib/password-rule.ts,
 * written by `npm run generate:web-types`), so both say and check the same thing.
 * No static imports, so either side can bundle it; zxcvbn-ts (with its common
 * passwords and keyboard graphs) is loaded on first use, so the web fetches it
 * only when a password is checked.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** The rule as a person reads it, under the password field. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not a common password and not your email.`;

/** The zxcvbn-ts score (0-4) a password needs: 3 is "safely unguessable" for an online attack. */
export const PASSWORD_MIN_SCORE = 3;

/** Words that, with digits or symbols around them, make the passwords tried first. */
const COMMON_WORDS = [
  'password',
  'passw0rd',
  'p@ssword',
  'iloveyou',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'welcome',
  'admin',
  'letmein',
  'football',
  'baseball',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'superman',
  'starwars',
  'trustno1',
  'master',
  'shadow',
  'michael',
  'abc',
  'abcd',
  'abcdef',
  'qazwsx',
  'qazwsxedc',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'zaq12wsx',
  'nigeria',
  'lagos',
  'jesus',
  'jesuschrist',
  'godisgood',
  'blessing',
  'changeme',
  'secret',
  'vendra',
];

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** Every character the same ("aaaaaaaaaa"), or one short block repeated ("121212121212"). */
function repeated(p: string): boolean {
  for (let size = 1; size <= 3; size++) {
    const block = p.slice(0, size);
    if (p.length >= size * 3 && block.repeat(Math.ceil(p.length / size)).slice(0, p.length) === p)
      return true;
  }
  return false;
}

/** A run along the keyboard or the alphabet, either way ("1234567890", "0987654321", "qwertyuiop"). */
function sequence(p: string): boolean {
  return KEYBOARD_ROWS.some((row) => {
    const twice = row + row;
    const back = [...twice].reverse().join('');
    return twice.includes(p) || back.includes(p);
  });
}

/** A common word with only digits and symbols around it ("Password123!", "2024welcome"). */
function commonWord(p: string): boolean {
  const core = p.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core === '') return false;
  return COMMON_WORDS.includes(core) || COMMON_WORDS.includes(p.replace(/[^a-z0-9@]+$/g, ''));
}

/** True when the password is one people pick first, which anyone guessing tries first. */
export function isCommonPassword(password: string): boolean {
  const p = password.trim().toLowerCase();
  if (p.length === 0) return true;
  return repeated(p) || sequence(p) || commonWord(p);
}

/**
 * What is wrong with a password, in words for the person choosing it, or null
 * when it meets the rule. `email` (lower-cased) may be empty when not known yet.
 */
export function passwordProblem(password: string, email = ''): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH)
    return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lowered = password.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (email !== '' && (lowered === email || lowered === local))
    return 'The password must not be your email address';
  if (isCommonPassword(password)) return 'This password is too common and easy to guess: choose another';
  return null;
}

interface Guesser {
  check(password: string, userInputs?: (string | number)[]): { score: number };
}

let guesser: Promise<Guesser> | undefined;

/** zxcvbn-ts with its common-password dictionary and keyboard graphs, loaded once. */
function loadGuesser(): Promise<Guesser> {
  guesser ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return guesser;
}

/**
 * passwordProblem, then zxcvbn-ts: a password it scores below PASSWORD_MIN_SCORE
 * (a dictionary word with digits, a date, a name from the email) is refused too.
 */
export async function checkedPasswordProblem(password: string, email = ''): Promise<string | null> {
  const problem = passwordProblem(password, email);
  if (problem) return problem;
  const inputs = email === '' ? [] : [email, ...(email.split('@')[0] ?? '').split(/[._+-]+/)];
  const { score } = (await loadGuesser()).check(password, inputs);
  if (score < PASSWORD_MIN_SCORE) return 'This password is too easy to guess: add a few uncommon words';
  return null;
}
