/**
 * The one protocol map between the content script, the background and the extension pages.
 * Every message is `{ type, payload }`; each type declares who may send it, the payload schema and the
 * response schema. Schemas use `zod/mini` so the content script can import them without full zod.
 */
import { z } from 'zod/mini';

export const SENDER_KINDS = ['content', 'extension'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const HealthSchema = z.enum(['ok', 'warning', 'error', 'unknown']);
export type Health = z.infer<typeof HealthSchema>;

const shortText = z.string().check(z.maxLength(2_000));

export const protocol = {
  /** Liveness and build info. */
  ping: {
    from: ['content', 'extension'],
    payload: z.strictObject({}),
    response: z.object({ version: z.string(), mode: z.string() }),
  },
  /** The content script reports what the overlay shows for its tab (drives the toolbar badge). */
  'overlay.status': {
    from: ['content'],
    payload: z.strictObject({
      pageKind: z.string().check(z.maxLength(64)),
      openItems: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
      health: HealthSchema,
    }),
    response: z.object({ badgeText: z.string() }),
  },
  /** An extension page asks for the badge state of a tab (for tests and the popup). */
  'badge.get': {
    from: ['extension'],
    payload: z.strictObject({ tabId: z.number().check(z.int(), z.gte(0)) }),
    response: z.object({ text: z.string(), health: HealthSchema }),
  },
  /** Free-text diagnostic from a UI (shown in the background console, never stored). */
  'log.report': {
    from: ['content', 'extension'],
    payload: z.strictObject({ level: z.enum(['info', 'warn', 'error']), message: shortText }),
    response: z.object({ received: z.boolean() }),
  },
} as const satisfies Record<
  string,
  { from: readonly SenderKind[]; payload: z.ZodMiniType; response: z.ZodMiniType }
>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type PayloadOf<K extends MessageType> = z.infer<Protocol[K]['payload']>;
export type ResponseOf<K extends MessageType> = z.infer<Protocol[K]['response']>;

export const ERROR_CODES = ['bad-request', 'unknown-type', 'forbidden', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const EnvelopeSchema = z.object({ type: z.string().check(z.maxLength(64)), payload: z.unknown() });


export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(protocol, type);
}
