/** zod/mini schema of the overlay view (checked by the background's reply validation). */
import { z } from 'zod/mini';

const key = z.string().check(z.maxLength(200));
const params = z.optional(z.record(z.string(), z.union([z.string(), z.number()])));
const state = z.enum(['ok', 'attention', 'invalid', 'unchecked', 'stale', 'unreadable', 'na']);

const ItemViewSchema = z.looseObject({
  id: key,
  section: key,
  state,
  messageKey: key,
  params,
  titleKey: key,
  hintKey: key,
  whyKey: key,
  field: z.optional(key),
  seenAt: z.optional(z.number()),
  locationId: z.optional(key),
  locationName: z.optional(z.string()),
  target: z.optional(z.looseObject({ page: key, firmId: z.optional(key), locationId: z.optional(key), field: z.optional(key) })),
  details: z.optional(z.array(z.looseObject({ state, messageKey: key, params }))),
});

export const OverlayViewSchema = z.union([
  z.object({ kind: z.literal('no-firm') }),
  z.object({
    kind: z.literal('firm'),
    firmId: key,
    firmName: z.optional(z.string()),
    firmType: z.object({ type: z.optional(z.enum(['invoicing', 'co-invoicing', 'shared-location'])), source: z.enum(['page', 'asked', 'inferred', 'unknown']) }),
    progress: z.object({ done: z.number(), total: z.number(), open: z.number() }),
    health: z.enum(['ok', 'warning', 'error', 'unknown']),
    sections: z.array(z.object({ id: key, number: z.number(), titleKey: key, applies: z.boolean(), items: z.array(ItemViewSchema) })),
    wantedPartners: z.optional(z.array(key)),
    locations: z.array(z.object({ id: key, name: z.string(), people: z.array(z.object({ id: key, name: z.string(), role: z.string() })) })),
  }),
]);
