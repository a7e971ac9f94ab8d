/**
 * Identity: users, authentication (JWT access tokens, rotating refresh
 * tokens, API keys), roles, login throttling and the operator audit log.
 * Other modules use the auth preHandlers and the user lookups below.
 */
export { type Actor, bootstrapAdmin, changeUserRole, changeUserStatus, ensureAdmin } from './admin.js';
export { type ApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
export {
  IDENTITY_CHANNEL,
  type IdentityCache,
  type IdentityCacheOptions,
  identityCacheOf,
  noteIdentityChange,
  startIdentityCache,
  stopIdentityCache,
  throughCache,
} from './cache.js';
export { getUserFacts, type UserFacts } from './facts.js';
export {
  type DeviceInfo,
  deviceHash,
  lastNewDeviceLogin,
  lastNewDeviceLogins,
  NEW_DEVICE_LOGIN_EVENT,
} from './devices.js';
export { deviceName } from './user-agent.js';
export { type AuditInput, type AuditRecord, listAudit, recordAudit } from './audit.js';
export { type AuthResult, login, logout, type RegisterInput, refresh, register } from './auth.js';
export {
  type AccessRule,
  access,
  authenticate,
  authenticateStream,
  authIsCurrent,
  authOf,
  requireRole,
  requirePin,
  requireScope,
  requireSession,
  ALL_STAFF,
  STAFF,
} from './guard.js';
export { isTrivialPin, PIN_HEADER, PIN_LOCK_MINUTES, PIN_MAX_ATTEMPTS } from './pin.js';
export { checkRouteAccess, PUBLIC_ROUTES, type RouteAccess, watchRouteAccess } from './route-access.js';
export { endsStream, STREAM_END_EVENT } from './stream-end.js';
export { createIdentityPruneTask, pruneIdentity } from './maintenance.js';
export { REFRESH_COOKIE } from './routes-auth.js';
export { bearer as bearerSecurity, bearerOrApiKey as bearerOrApiKeySecurity } from './schemas.js';
export { identityRoutes } from './routes.js';
export { LOGIN_THROTTLE } from './throttle.js';
export {
  ACCESS_TOKEN_TTL_SECONDS,
  issueStreamToken,
  REFRESH_TOKEN_TTL_MS,
  STREAM_TOKEN_TTL_SECONDS,
  verifyStreamToken,
} from './tokens.js';
export type { AuthContext, IdentityDeps, Role, TokenPair, User, UserStatus } from './types.js';
export { ROLES } from './types.js';
export {
  type Change,
  findUserByEmail,
  findUserByPhone,
  getUser,
  getUsers,
  searchUsers,
  setUserRole,
  setUserStatus,
  type UserPage,
} from './users.js';
export { normalizePhone } from './validation.js';
