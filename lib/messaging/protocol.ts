/**
 * The one protocol map between the content script, the background and the extension pages.
 * Every message is `{ type, payload }`; each type declares who may send it, the payload schema and the
 * response schema. Schemas use `zod/mini` so the content script can import them without full zod.
 */
import { z } from 'zod/mini';
import { AdminFactsSchema, FirmFactsSchema, LocationFactsSchema } from '../portal/schemas';
import { FirmPrefsSchema } from '../facts/memory';
import { AGREEMENT_STATES, FIRM_TYPES, PARTNERS } from '../portal/types';
import { OverlayViewSchema } from '../overlay/schemas';
import { draftMessages } from '../drafts/protocol';

export const SENDER_KINDS = ['content', 'extension'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export const HealthSchema = z.enum(['ok', 'warning', 'error', 'unknown']);
export type Health = z.infer<typeof HealthSchema>;

const shortText = z.string().check(z.maxLength(2_000));
const entityId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/));

const VerdictSchema = z.object({
  severity: z.enum(['ok', 'info', 'warning', 'error', 'unverified']),
  key: z.string().check(z.maxLength(200)),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  fix: z.optional(z.object({ value: z.string().check(z.maxLength(2_000)), labelKey: z.optional(z.string()) })),
});
const fieldText = z.string().check(z.maxLength(2_000));
const AddressInputSchema = z.strictObject({ street: fieldText, postalCode: fieldText, postalPlace: fieldText, municipality: fieldText });

export const RecalledSchema = z.object({
  admin: z.optional(AdminFactsSchema),
  firm: z.optional(FirmFactsSchema),
  locations: z.array(LocationFactsSchema),
  prefs: FirmPrefsSchema,
  firmId: z.optional(entityId),
});

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
  /**
   * The content script reports the facts its page shows (any of admin/firm/location, or none) and the
   * firm/location it is about; the background remembers them under the sender's origin and answers with
   * the whole checklist for that firm, judged from everything remembered (the overlay only renders it).
   */
  'facts.report': {
    from: ['content'],
    payload: z.strictObject({
      admin: z.optional(AdminFactsSchema),
      firm: z.optional(FirmFactsSchema),
      location: z.optional(LocationFactsSchema),
      firmId: z.optional(entityId),
      locationId: z.optional(entityId),
    }),
    response: z.object({ view: OverlayViewSchema, recalled: RecalledSchema }),
  },
  /** Validates one form field (sync validators, then the public register where one exists). */
  'validate.field': {
    from: ['content', 'extension'],
    payload: z.union([
      z.strictObject({ field: z.enum(['invoiceEmail', 'invitationEmail', 'website', 'mobile', 'orgnr', 'postalCode']), value: fieldText, country: z.optional(z.enum(['NO', 'SE'])) }),
      z.strictObject({ field: z.enum(['facilities', 'treatments']), value: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200)), country: z.optional(z.enum(['NO', 'SE'])) }),
      z.strictObject({ field: z.literal('address'), value: AddressInputSchema, country: z.optional(z.enum(['NO', 'SE'])) }),
    ]),
    response: z.object({
      verdict: VerdictSchema,
      suggestions: z.optional(z.array(z.object({ label: z.string(), street: z.string(), postalCode: z.string(), postalPlace: z.string(), municipality: z.string() }))),
      fields: z.optional(z.record(z.string(), VerdictSchema)),
    }),
  },
  /** The content script asks for the edit-form script (validation) to be injected into its tab. */
  'forms.attach': {
    from: ['content'],
    payload: z.strictObject({}),
    response: z.object({ attached: z.boolean() }),
  },
  /** Booking companion: read the admin's firms and locations from the portal (with the admin's session). */
  'booking.refresh': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ reach: z.enum(['ok', 'session-expired', 'offline', 'error', 'unknown']), locations: z.number() }),
  },
  /** Booking companion: run "Test og Lagre" for these locations (all known ones when omitted). Results land in storage. */
  'booking.run': {
    from: ['extension'],
    payload: z.strictObject({ locationIds: z.optional(z.array(entityId).check(z.maxLength(5_000))) }),
    response: z.object({ started: z.boolean(), total: z.number() }),
  },
  'booking.cancel': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** The message table for a locale (the content script does not bundle the catalogues). */
  'i18n.table': {
    from: ['content', 'extension'],
    payload: z.strictObject({ locale: z.enum(['nb', 'en']) }),
    response: z.object({ locale: z.enum(['nb', 'en']), table: z.record(z.string(), z.string()) }),
  },
  /** What the admin told us about a firm: its type (when the portal does not show it), wanted partners. */
  'firm.prefs': {
    from: ['content', 'extension'],
    payload: z.strictObject({
      origin: z.optional(z.string().check(z.maxLength(200))),
      firmId: entityId,
      firmType: z.optional(z.nullable(z.enum(FIRM_TYPES))),
      wantedPartners: z.optional(z.array(z.enum(PARTNERS)).check(z.maxLength(PARTNERS.length))),
      /** The admin reviewed a location's people: these person ids have left. */
      review: z.optional(z.strictObject({ locationId: entityId, gone: z.array(entityId).check(z.maxLength(500)) })),
    }),
    response: FirmPrefsSchema,
  },
  /** Board ("Oversikt"): read every firm and location from the portal ("Les alle"); progress lands in storage (board.v1). */
  'board.readAll': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ started: z.boolean(), total: z.number(), reach: z.enum(['ok', 'session-expired', 'offline', 'error', 'unknown']) }),
  },
  'board.cancel': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Board: every known firm's checklist view, judged now from what is remembered. */
  'board.view': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({
      origin: z.string().check(z.maxLength(200)),
      firms: z
        .array(
          z.object({
            id: entityId,
            name: z.string().check(z.maxLength(500)),
            type: z.string().check(z.maxLength(40)),
            view: OverlayViewSchema,
            systems: z.record(entityId, z.nullable(z.string().check(z.maxLength(200)))),
            agreements: z.nullable(z.array(z.object({ partner: z.enum(PARTNERS), state: z.enum(AGREEMENT_STATES) })).check(z.maxLength(PARTNERS.length * 2))),
            wantedPartners: z.optional(z.array(z.enum(PARTNERS)).check(z.maxLength(PARTNERS.length))),
          }),
        )
        .check(z.maxLength(5_000)),
    }),
  },
  /** Roster: guide the admin through the portal's own removal flow for one practitioner (opens the location in a tab). */
  'roster.guide': {
    from: ['extension'],
    payload: z.strictObject({ locationId: entityId, personId: entityId }),
    response: z.object({ opened: z.boolean() }),
  },
  /** The runtime-injected guide script asks what to guide in its tab (null: nothing). */
  'guide.plan': {
    from: ['content'],
    payload: z.strictObject({}),
    response: z.object({
      plan: z.nullable(z.object({ kind: z.literal('remove-person'), locationId: entityId, personId: entityId, personName: z.string().check(z.maxLength(200)) })),
    }),
  },
  /** Free-text diagnostic from a UI (shown in the background console, never stored). */
  'log.report': {
    from: ['content', 'extension'],
    payload: z.strictObject({ level: z.enum(['info', 'warn', 'error']), message: shortText }),
    response: z.object({ received: z.boolean() }),
  },
  ...draftMessages,
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
