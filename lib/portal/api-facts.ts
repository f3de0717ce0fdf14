/**
 * The portal's JSON API answers (api.ts) as the same typed facts the pages give (facts.ts), so that what
 * "Les alle" reads in the background is judged by the very same checklist as what the admin saw on a page.
 * Pure; only this folder knows the portal's codes (firm type, agreement state, partner ids).
 */
import type { Firm, Location, OnlineManager } from './api';
import { AGREEMENT_STATES, FIRM_TYPES, PARTNERS, type Agreement, type AgreementState, type Fact, type FirmFacts, type FirmType, type LocationFacts, type PartnerId } from './types';

const ok = <T>(value: T): Fact<T> => ({ read: true, value });
const unread = <T>(reason: string): Fact<T> => ({ read: false, reason });
const orNull = (v: string): string | null => (v.trim() === '' ? null : v);
const isIn = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function firmFactsFromApi(firm: Firm, seenAt: number): FirmFacts {
  const agreements: Agreement[] = [];
  let agreementsOk = true;
  for (const a of firm.agreements) {
    if (isIn<PartnerId>(PARTNERS, a.partnerId) && isIn<AgreementState>(AGREEMENT_STATES, a.state)) agreements.push({ partner: a.partnerId, state: a.state });
    else agreementsOk = false;
  }
  return {
    firmId: firm.id,
    seenAt,
    name: ok(firm.name),
    orgnr: ok(orNull(firm.orgnr.replace(/\s+/g, ''))),
    firmType: isIn<FirmType>(FIRM_TYPES, firm.type) ? ok(firm.type) : firm.type === '' ? ok(null) : unread(`firm type "${firm.type.slice(0, 60)}"`),
    website: ok(orNull(firm.website)),
    invoiceEmail: ok(orNull(firm.invoiceEmail)),
    locations: ok(firm.locations.map((l) => ({ id: l.id, name: l.name }))),
    agreements: agreementsOk ? ok(agreements) : unread('agreement with an unknown partner or state'),
  };
}

/**
 * A location with its Online Manager (optional: without it, the Online Manager fact is "not read", as when
 * the page had not finished loading). A linked profile that is not among the offered ones (no free slots in
 * the next 7 days) reads as "Ingen profil valgt", as the page shows it.
 */
export function locationFactsFromApi(loc: Location, om: OnlineManager | undefined, seenAt: number): LocationFacts {
  const booking = loc.booking;
  const result = booking.lastResult === 'success' ? 'success' : booking.lastResult === 'failure' ? 'failed' : 'untested';
  let onlineManager: LocationFacts['onlineManager'];
  if (!booking.system) onlineManager = ok({ setUp: false, rows: [] });
  else if (!om) onlineManager = unread('Online Manager not read');
  else {
    const names = new Map(om.profiles.map((p) => [p.id, p.name]));
    onlineManager = ok({
      setUp: om.bookingConfigured,
      rows: om.practitioners.map((p) => ({
        practitioner: p.name,
        profile: p.profileId !== null ? (names.get(p.profileId) ?? null) : null,
        options: om.profiles.map((x) => x.name),
      })),
    });
  }
  return {
    locationId: loc.id,
    seenAt,
    firmId: ok(loc.firmId),
    name: ok(loc.name),
    street: ok(orNull(loc.street)),
    postalCode: ok(orNull(loc.postalCode)),
    postalPlace: ok(orNull(loc.postalPlace)),
    municipality: ok(orNull(loc.municipality)),
    mobile: ok(orNull(loc.mobile)),
    facilities: ok(loc.facilities),
    treatments: ok(loc.treatments),
    people: ok(loc.people.map((p) => ({ id: p.id, name: p.name, role: p.role }))),
    booking: ok({ system: booking.systemName ?? null, lastTested: booking.lastTestedAt, result }),
    onlineManager,
  };
}
