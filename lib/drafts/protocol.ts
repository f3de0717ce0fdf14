/**
 * The drafts' part of the one protocol map (spread into lib/messaging/protocol.ts). zod/mini: the
 * edit-form content script reaches these schemas.
 */
import { z } from 'zod/mini';
import { DRAFT_FORMS, FIELD_KINDS } from './model';

const entity = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/));
const form = z.enum(DRAFT_FORMS);
/** Long enough for any textarea an admin writes; beyond it the admin is told (never silently cut). */
export const MAX_VALUE_CHARS = 100_000;
const value = z.union([z.string().check(z.maxLength(MAX_VALUE_CHARS)), z.boolean()]);
const sig = z.string().check(z.maxLength(1_500));

const FieldRefShape = {
  sig,
  label: z.string().check(z.maxLength(500)),
  name: z.string().check(z.maxLength(200)),
  pos: z.number().check(z.int(), z.gte(0), z.lte(1_000)),
  kind: z.enum(FIELD_KINDS),
};

const DraftHeaderShape = {
  id: z.string(),
  origin: z.string(),
  form,
  entity: z.string(),
  url: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.optional(z.number()),
  bytes: z.number(),
};

export const DraftSchema = z.object({
  ...DraftHeaderShape,
  fields: z.record(z.string(), z.object({ ...FieldRefShape, value, base: z.nullable(value), at: z.number() })),
  history: z.array(z.object({ at: z.number(), values: z.record(z.string(), value) })),
});

export const DraftSummarySchema = z.object({ ...DraftHeaderShape, fieldCount: z.number(), versions: z.number() });

export const draftMessages = {
  /** The edit-form script reports the fields this tab changed (debounced, and at once when the page hides). */
  'drafts.save': {
    from: ['content'],
    payload: z.strictObject({
      form,
      entity,
      url: z.string().check(z.maxLength(2_000)),
      title: z.string().check(z.maxLength(500)),
      fields: z.array(z.strictObject({ ...FieldRefShape, value, base: z.nullable(value) })).check(z.maxLength(500)),
      rebase: z.optional(z.array(sig).check(z.maxLength(500))),
      submitted: z.optional(z.boolean()),
    }),
    response: z.union([
      z.object({ saved: z.literal(true), at: z.number(), versions: z.number() }),
      z.object({ saved: z.literal(false), problem: z.enum(['quota', 'too-large', 'storage']) }),
    ]),
  },
  /** The edit-form script asks for the draft of the form it shows. */
  'drafts.open': {
    from: ['content'],
    payload: z.strictObject({ form, entity }),
    response: z.object({ draft: z.optional(DraftSchema) }),
  },
  /** The portal showed the saved values: clear the draft. */
  'drafts.confirm': {
    from: ['content'],
    payload: z.strictObject({ form, entity }),
    response: z.object({ cleared: z.boolean() }),
  },
  /** "Forkast" in the page (form + entity of the sender's origin) or "Slett" in the side panel (id). */
  'drafts.discard': {
    from: ['content', 'extension'],
    payload: z.union([z.strictObject({ form, entity }), z.strictObject({ id: z.string().check(z.maxLength(2_500)) })]),
    response: z.object({ deleted: z.boolean() }),
  },
  'drafts.list': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({
      drafts: z.array(DraftSummarySchema),
      usage: z.object({ count: z.number(), bytes: z.number() }),
      retentionDays: z.number(),
    }),
  },
  'drafts.deleteAll': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ deleted: z.number() }),
  },
  /** Commit durations of the latest saves in ms (benchmark). */
  'drafts.stats': {
    from: ['extension'],
    payload: z.strictObject({}),
    response: z.object({ commitMs: z.array(z.number()) }),
  },
} as const;
