import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { typed } from '../http/type-provider.js';

const contact = (description: string) => ({ type: ['string', 'null'], description }) as const;

/** The support contact as the operator configured it (SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_WHATSAPP). */
export const supportSchema = {
  type: 'object',
  properties: {
    email: contact('SUPPORT_EMAIL; null when not configured'),
    phone: contact('SUPPORT_PHONE, as it is dialled; null when not configured'),
    whatsapp: contact('SUPPORT_WHATSAPP, a https://wa.me/... chat link; null when not configured'),
    frozenAccount: {
      type: 'object',
      description: 'What a frozen person can and cannot do, in the words the operator console uses',
      properties: {
        cannot: { type: 'array', items: { type: 'string' } },
        can: { type: 'array', items: { type: 'string' } },
      },
      required: ['cannot', 'can'],
    },
  },
  required: ['email', 'phone', 'whatsapp', 'frozenAccount'],
} as const;

/**
 * What an account freeze does, as the operator's freeze dialog says it: no
 * sending, withdrawing or paying bills (nor logging in) until unfrozen;
 * incoming money still arrives.
 */
export const FROZEN_ACCOUNT = {
  cannot: ['Log in to the app', 'Send money', 'Withdraw to a bank', 'Pay bills or buy airtime'],
  can: [
    'Receive money: transfers and deposits to your wallet still arrive',
    'Contact support to lift the freeze',
  ],
};

/** GET /v1/support: public, so that a person who cannot log in (a frozen account) can still reach support. */
export async function supportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/support',
    {
      schema: {
        tags: ['auth'],
        summary: 'How to reach support, and what a frozen account can and cannot do',
        response: { 200: supportSchema },
      },
    },
    async () => {
      const { email, phone, whatsapp } = ctx.config.support;
      return {
        email: email ?? null,
        phone: phone ?? null,
        whatsapp: whatsapp ?? null,
        frozenAccount: FROZEN_ACCOUNT,
      };
    },
  );
}
