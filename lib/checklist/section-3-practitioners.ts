// ¤¤ Section 3: the practitioners who should receive insurance assignments are registered on the location,
// and those who no longer work there are removed (Personer -> "Endre" -> "Slett" -> "Ja").
import type { LocationFacts, Person } from '../portal/types';
import { judgePerLocation, judgement, own, unreadable } from './judging';
import { foldName } from './names';
import type { ChecklistFacts, ChecklistSection, Judgement, Target } from './types';

const PEOPLE = 'Personer';
/** People listed under "Personer" only to administer the location, not to receive assignments. */
const ADMIN_ROLE = /^\s*(?:firma-?)?administrator\s*$/i;

export function isPractitioner(person: Person): boolean {
  return !ADMIN_ROLE.test(person.role);
}

const peopleTarget = (loc: LocationFacts): Target => ({ page: 'location', locationId: loc.locationId, field: PEOPLE });

function judgePresent(loc: LocationFacts): Judgement {
  if (!loc.people.read) return unreadable(PEOPLE, loc.people.reason, peopleTarget(loc));
  const count = loc.people.value.filter(isPractitioner).length;
  if (count === 0) return judgement('attention', 'checklist.result.practitioners.present.none', undefined, peopleTarget(loc));
  return judgement('ok', 'checklist.result.practitioners.present.ok', { count }, peopleTarget(loc));
}

function judgeNoneGone(facts: ChecklistFacts, loc: LocationFacts): Judgement {
  if (!loc.people.read) return unreadable(PEOPLE, loc.people.reason, peopleTarget(loc));
  const gone = own(facts.practitionersGone, loc.locationId);
  const people = loc.people.value;
  if (gone === undefined) {
    return judgement('unchecked', 'checklist.result.practitioners.noneGone.notReviewed', { count: people.length }, peopleTarget(loc));
  }
  const goneIds = new Set(gone);
  const goneNames = new Set(gone.map(foldName));
  const still = people.filter((p) => goneIds.has(p.id) || goneNames.has(foldName(p.name)));
  if (still.length > 0) {
    return judgement(
      'invalid',
      'checklist.result.practitioners.noneGone.stillListed',
      { count: still.length, names: still.map((p) => p.name).join(', ') },
      peopleTarget(loc),
    );
  }
  return judgement('ok', 'checklist.result.practitioners.noneGone.ok', undefined, peopleTarget(loc));
}

export const practitionersSection: ChecklistSection = {
  id: 'practitioners',
  number: 3,
  titleKey: 'checklist.section.practitioners.title',
  appliesTo: ['co-invoicing', 'shared-location'],
  items: [
    {
      id: 'practitioners.present',
      titleKey: 'checklist.item.practitioners.present.title',
      hintKey: 'checklist.item.practitioners.present.hint',
      whyKey: 'checklist.item.practitioners.present.why',
      field: PEOPLE,
      judge: (facts) => judgePerLocation(facts, (loc) => judgePresent(loc)),
    },
    {
      id: 'practitioners.noneGone',
      titleKey: 'checklist.item.practitioners.noneGone.title',
      hintKey: 'checklist.item.practitioners.noneGone.hint',
      whyKey: 'checklist.item.practitioners.noneGone.why',
      field: PEOPLE,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeNoneGone(facts, loc)),
    },
  ],
};
