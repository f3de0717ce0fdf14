import type { MessageType, PayloadOf, ResponseOf } from './protocol';

/** Raised to callers when the background refused or failed a message; `code` tells which. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export type Transport = (message: unknown) => Promise<unknown>;
/** Checks a reply's data for a message type (extension pages pass the zod check from `checked.ts`). */
export type ReplyCheck = (type: MessageType, data: unknown) => boolean;

/**
 * A typed client over any transport (`browser.runtime.sendMessage` in the extension, the pure handler in
 * tests). Only type imports from the protocol: the content script uses this without loading zod. The
 * reply envelope is always checked; its data is checked by `check` where one is given.
 */
export function createMessenger(transport: Transport, check?: ReplyCheck) {
  return async function send<K extends MessageType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> {
    const raw: unknown = await transport({ type, payload });
    if (!raw || typeof raw !== 'object' || typeof (raw as { ok?: unknown }).ok !== 'boolean') {
      throw new MessageError('bad-reply', `no valid reply to ${type}`);
    }
    const reply = raw as { ok: boolean; data?: unknown; error?: { code?: unknown; message?: unknown } };
    if (!reply.ok) {
      const code = typeof reply.error?.code === 'string' ? reply.error.code : 'internal';
      const message = typeof reply.error?.message === 'string' ? reply.error.message : 'refused';
      throw new MessageError(code, message);
    }
    if (check && !check(type, reply.data)) throw new MessageError('bad-reply', `invalid reply data for ${type}`);
    return reply.data as ResponseOf<K>;
  };
}

export type Messenger = ReturnType<typeof createMessenger>;
