/**
 * Notifications: templates, per-person preferences, the in-app list, and delivery by email
 * (SMTP), SMS (Termii) or the sandbox inbox, always from the outbox, never in a request.
 * Other modules publish with requestNotification(tx, input) in their own transaction.
 */
export { type Adapter, type Adapters, adaptersFor, type OutgoingMessage, termiiAdapter } from './adapters.js';
export { DELIVER_MAX_ATTEMPTS, deliverMessage, notificationConsumers } from './consumers.js';
export {
  CREATED_LIVE_EVENT,
  type NotificationInput,
  REQUESTED_EVENT,
  requestNotification,
} from './messages.js';
export { notificationRoutes } from './routes.js';
export {
  type Channel,
  CHANNELS,
  GROUPS,
  render,
  TEMPLATE_NAMES,
  TEMPLATES,
  type TemplateName,
} from './templates.js';
