/**
 * The password rule is the server's own file, bundled as is: the form says and
 * checks exactly what the server will (length, common passwords, the email).
 */
export {
  isCommonPassword,
  PASSWORD_HINT,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../../../src/identity/password-rule';
