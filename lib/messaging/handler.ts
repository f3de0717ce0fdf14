import { classifySender, type SenderLike, type SenderPolicy } from './sender';
import {
  EnvelopeSchema,
  isMessageType,
  protocol,
  type ErrorCode,
  type MessageType,
  type PayloadOf,
  type Reply,
  type ResponseOf,
  type SenderKind,
} from './protocol';

export interface HandlerContext {
  kind: SenderKind;
  sender: SenderLike;
  /** The tab the message came from, when it came from a tab. */
  tabId: number | undefined;
}

export type Handlers = {
  [K in MessageType]: (payload: PayloadOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * Builds the pure message handler: parse the envelope, check the sender, parse the payload, run the
 * handler, parse the response. Never throws; a rejected message never reaches a handler.
 */
export function createMessageHandler(policy: SenderPolicy, handlers: Handlers) {
  return async function handleMessage(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    try {
      const kind = classifySender(sender, policy);
      if (!kind) return fail('forbidden', 'sender not allowed');
      const envelope = EnvelopeSchema.safeParse(message);
      if (!envelope.success) return fail('bad-request', 'not a message envelope');
      const { type } = envelope.data;
      if (!isMessageType(type)) return fail('unknown-type', `unknown message type`);
      const spec = protocol[type];
      if (!(spec.from as readonly SenderKind[]).includes(kind)) return fail('forbidden', `${type} not allowed from ${kind}`);
      const payload = spec.payload.safeParse(envelope.data.payload ?? {});
      if (!payload.success) return fail('bad-request', `invalid payload for ${type}`);
      const ctx: HandlerContext = { kind, sender, tabId: sender.tab?.id };
      const handler = handlers[type] as (p: unknown, c: HandlerContext) => Promise<unknown> | unknown;
      const result = await handler(payload.data, ctx);
      const checked = spec.response.safeParse(result);
      if (!checked.success) return fail('internal', `handler for ${type} returned an invalid response`);
      return { ok: true, data: checked.data };
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message.slice(0, 500) : 'unexpected error');
    }
  };
}

export type MessageHandler = ReturnType<typeof createMessageHandler>;
