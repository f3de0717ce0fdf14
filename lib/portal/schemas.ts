/**
 * zod/mini schemas for the facts in types.ts: facts cross contexts (content script -> background ->
 * storage) and are parsed on arrival in the background. The content script imports only types.
 */
import { z } from 'zod/mini';
import { AGREEMENT_STATES, FIRM_TYPES, PARTNERS } from './types';


const fact = <T extends z.ZodMiniType>(value: T) =>
  z.union([z.object({ read: z.literal(true), value }), z.object({ read: z.literal(false), reason: z.string().check(z.maxLength(200)) })]);
const text = (max = 500) => z.string().check(z.maxLength(max));
const nullableText = (max = 500) => z.nullable(text(max));
const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/));
const list = <T extends z.ZodMiniType>(item: T, max = 500) => z.array(item).check(z.maxLength(max));

export const AdminFactsSchema = z.object({ name: fact(text(200)), email: fact(text(320)) });

export const FirmFactsSchema = z.object({
  firmId: id,
  seenAt: z.number(),
  name: fact(text()),
  orgnr: fact(nullableText(40)),
  firmType: fact(z.nullable(z.enum(FIRM_TYPES))),
  website: fact(nullableText(2_000)),
  invoiceEmail: fact(nullableText(320)),
  locations: fact(list(z.object({ id, name: text() }), 2_000)),
  agreements: fact(list(z.object({ partner: z.enum(PARTNERS), state: z.enum(AGREEMENT_STATES) }), 10)),
});

export const LocationFactsSchema = z.object({
  locationId: id,
  seenAt: z.number(),
  firmId: fact(id),
  name: fact(text()),
  street: fact(nullableText()),
  postalCode: fact(nullableText(20)),
  postalPlace: fact(nullableText()),
  municipality: fact(nullableText()),
  mobile: fact(nullableText(60)),
  facilities: fact(list(text(200), 100)),
  treatments: fact(list(text(200), 100)),
  people: fact(list(z.object({ id, name: text(200), role: text(200) }))),
  booking: fact(
    z.object({ system: nullableText(200), lastTested: nullableText(40), result: z.enum(['success', 'failed', 'untested']) }),
  ),
  onlineManager: fact(
    z.object({
      setUp: z.boolean(),
      rows: list(z.object({ practitioner: text(200), profile: nullableText(200), options: list(text(200), 500) })),
    }),
  ),
});
