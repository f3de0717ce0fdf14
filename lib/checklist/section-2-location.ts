// ¤¤ Section 2: each location's information is correct (Lokasjon -> "Endre"): address, facilities, treatment
// offerings, mobile number. The article's note "a firm used only for invoicing must not have locations" sits
// here too, as the one item of this section that applies to invoicing firms.
import type { LocationFacts } from '../portal/types';
import { validateFacilities, validateTreatmentOfferings } from '../validation/facilities';
import { validateMobilePhone } from '../validation/phone';
import { judgeFirm, judgePerLocation, judgement, locationEntries, own, stateOfVerdict, unreadable } from './judging';
import type { ChecklistFacts, ChecklistSection, Judgement, Target } from './types';

const FIELD = {
  street: 'Gateadresse',
  postalCode: 'Postnummer',
  postalPlace: 'Poststed',
  municipality: 'Kommune',
  mobile: 'Mobilnummer',
  facilities: 'Fasiliteter',
  treatments: 'Behandlingstilbud',
} as const;

const edit = (loc: LocationFacts, field: string): Target => ({ page: 'locationEdit', locationId: loc.locationId, field });

/** Locations the firm has: from the firm page, or (when that list could not be read) the ones we have seen. */
function firmLocations(facts: ChecklistFacts): { count: number; names: string } | undefined {
  const firm = facts.firm;
  if (firm && !firm.locations.read && facts.locations.length === 0) return undefined;
  const entries = locationEntries(facts);
  return { count: entries.length, names: entries.map((e) => e.name).join(', ') };
}

function judgeAddress(facts: ChecklistFacts, loc: LocationFacts): Judgement {
  const missing: string[] = [];
  const parts: string[] = [];
  for (const key of ['street', 'postalCode', 'postalPlace', 'municipality'] as const) {
    const fact = loc[key];
    if (!fact.read) return unreadable(FIELD[key], fact.reason, edit(loc, FIELD[key]));
    const value = (fact.value ?? '').trim();
    if (value === '') missing.push(FIELD[key]);
    else parts.push(value);
  }
  const first = missing[0];
  if (first !== undefined) {
    return judgement('invalid', 'checklist.result.location.address.incomplete', { fields: missing.join(', ') }, edit(loc, first));
  }
  const address = `${parts[0]}, ${parts[1]} ${parts[2]}`;
  const target = edit(loc, FIELD.street);
  switch (own(facts.addressChecks, loc.locationId)) {
    case 'verified':
      return judgement('ok', 'checklist.result.location.address.ok', { address }, target);
    case 'not-found':
      return judgement('invalid', 'checklist.result.location.address.notFound', { address }, target);
    case 'mismatch':
      return judgement('attention', 'checklist.result.location.address.mismatch', { address }, target);
    default:
      return judgement('unchecked', 'checklist.result.location.address.notVerified', { address }, target);
  }
}

function judgeSelection(loc: LocationFacts, key: 'facilities' | 'treatments'): Judgement {
  const fact = loc[key];
  const target = edit(loc, FIELD[key]);
  if (!fact.read) return unreadable(FIELD[key], fact.reason, target);
  const list = Array.isArray(fact.value) ? fact.value : [];
  const verdict = key === 'facilities' ? validateFacilities(list) : validateTreatmentOfferings(list);
  const ok = stateOfVerdict(verdict) === 'ok';
  return {
    ...judgement(ok ? 'ok' : 'attention', `checklist.result.location.${key}.${ok ? 'ok' : 'missing'}`, { count: list.length }, target),
    verdict,
  };
}

function judgeMobile(loc: LocationFacts): Judgement {
  const target = edit(loc, FIELD.mobile);
  if (!loc.mobile.read) return unreadable(FIELD.mobile, loc.mobile.reason, target);
  const value = loc.mobile.value ?? '';
  if (value.trim() === '') return judgement('attention', 'checklist.result.location.mobile.missing', undefined, target);
  const verdict = validateMobilePhone(value);
  const state = stateOfVerdict(verdict);
  const key = state === 'ok' ? 'checklist.result.location.mobile.ok' : verdict.key;
  return { ...judgement(state, key, { number: value.trim(), ...verdict.params }, target), verdict };
}

export const locationSection: ChecklistSection = {
  id: 'location',
  number: 2,
  titleKey: 'checklist.section.location.title',
  appliesTo: ['co-invoicing', 'shared-location'],
  items: [
    {
      id: 'location.invoicingHasNone',
      titleKey: 'checklist.item.location.invoicingHasNone.title',
      hintKey: 'checklist.item.location.invoicingHasNone.hint',
      whyKey: 'checklist.item.location.invoicingHasNone.why',
      appliesTo: ['invoicing'],
      judge: (facts) =>
        judgeFirm(facts, (firm) => {
          const target: Target = { page: 'firm', firmId: firm.firmId };
          const found = firmLocations(facts);
          if (found === undefined) return unreadable('Lokasjoner', firm.locations.read ? '' : firm.locations.reason, target);
          if (found.count > 0) {
            return judgement('invalid', 'checklist.result.location.invoicingHasNone.has', { count: found.count, names: found.names }, target);
          }
          return judgement('ok', 'checklist.result.location.invoicingHasNone.ok', undefined, target);
        }),
    },
    {
      id: 'location.exists',
      titleKey: 'checklist.item.location.exists.title',
      hintKey: 'checklist.item.location.exists.hint',
      whyKey: 'checklist.item.location.exists.why',
      judge: (facts) =>
        judgeFirm(facts, (firm) => {
          const target: Target = { page: 'firm', firmId: firm.firmId };
          const found = firmLocations(facts);
          if (found === undefined) return unreadable('Lokasjoner', firm.locations.read ? '' : firm.locations.reason, target);
          if (found.count === 0) return judgement('attention', 'checklist.result.location.exists.none', undefined, target);
          return judgement('ok', 'checklist.result.location.exists.ok', { count: found.count }, target);
        }),
    },
    {
      id: 'location.address',
      titleKey: 'checklist.item.location.address.title',
      hintKey: 'checklist.item.location.address.hint',
      whyKey: 'checklist.item.location.address.why',
      field: FIELD.street,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeAddress(facts, loc)),
    },
    {
      id: 'location.facilities',
      titleKey: 'checklist.item.location.facilities.title',
      hintKey: 'checklist.item.location.facilities.hint',
      whyKey: 'checklist.item.location.facilities.why',
      field: FIELD.facilities,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeSelection(loc, 'facilities')),
    },
    {
      id: 'location.treatments',
      titleKey: 'checklist.item.location.treatments.title',
      hintKey: 'checklist.item.location.treatments.hint',
      whyKey: 'checklist.item.location.treatments.why',
      field: FIELD.treatments,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeSelection(loc, 'treatments')),
    },
    {
      id: 'location.mobile',
      titleKey: 'checklist.item.location.mobile.title',
      hintKey: 'checklist.item.location.mobile.hint',
      whyKey: 'checklist.item.location.mobile.why',
      field: FIELD.mobile,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeMobile(loc)),
    },
  ],
};
