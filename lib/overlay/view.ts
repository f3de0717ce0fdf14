/**
 * From what the background remembers to what the overlay displays: which firm, which firm type (and
 * from where), the evaluated checklist with every item's texts. Runs in the background (it needs the
 * checklist model and the validators); the content script only renders the result.
 */
import { evaluateChecklist, resolveFirmTypeFromFacts, SECTIONS, type ChecklistFacts } from '../checklist';
import type { Recalled } from '../facts/memory';
import type { ItemView, OverlayView } from './types';

const ITEM_DEFS = new Map(SECTIONS.flatMap((s) => s.items.map((i) => [i.id, i] as const)));

export function buildOverlayView(facts: Recalled, now: number, extra: Pick<ChecklistFacts, 'addressChecks' | 'bookingChecks' | 'practitionersGone'> = {}): OverlayView {
  const firmId = facts.firmId ?? facts.firm?.firmId;
  if (!firmId) return { kind: 'no-firm' };
  const firmType = resolveFirmTypeFromFacts(facts.firm, facts.prefs.firmType);
  const result = evaluateChecklist(
    { now, admin: facts.admin, firm: facts.firm, locations: facts.locations, wantedPartners: facts.prefs.wantedPartners, ...extra },
    firmType.type,
  );
  const sections = result.sections.map((section) => ({
    id: section.id,
    number: section.number,
    titleKey: section.titleKey,
    applies: section.applies,
    items: section.items.map((item): ItemView => {
      const def = ITEM_DEFS.get(item.id)!;
      return { ...item, titleKey: def.titleKey, hintKey: def.hintKey, whyKey: def.whyKey, ...(def.field ? { field: def.field } : {}) };
    }),
  }));
  const firmName = facts.firm?.name.read ? facts.firm.name.value : undefined;
  return {
    kind: 'firm',
    firmId,
    ...(firmName ? { firmName } : {}),
    firmType,
    progress: result.progress,
    health: result.health,
    sections,
    ...(facts.prefs.wantedPartners ? { wantedPartners: facts.prefs.wantedPartners } : {}),
    locations: facts.locations.map((l) => ({
      id: l.locationId,
      name: l.name.read ? l.name.value : l.locationId,
      people: l.people.read ? l.people.value : [],
    })),
  };
}
