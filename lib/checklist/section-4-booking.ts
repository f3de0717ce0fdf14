// ¤¤ Section 4: online booking works ("Endre" under "Online booking" -> "Test og Lagre"), and every practitioner
// is linked to their own booking profile in Online Manager.
import type { LocationFacts } from '../portal/types';
import { daysBetween, judgePerLocation, judgement, own, unreadable } from './judging';
import { DIFFERENT_PERSON, SAME_PERSON, foldName, nameSimilarity } from './names';
import { isPractitioner } from './section-3-practitioners';
import { worstState } from './state';
import { BOOKING_TEST_FRESH_MS, type BookingCheckStatus, type ChecklistFacts, type ChecklistSection, type Judgement, type ResultDetail, type Target } from './types';

const BOOKING = 'Online booking';
const ONLINE_MANAGER = 'Online Manager';

/** The newest booking test we know of: the portal's own summary or the extension's check. */
function latestTest(facts: ChecklistFacts, loc: LocationFacts, summary: { lastTested: string | null; result: string }): { status: BookingCheckStatus | 'failed'; at: number } | undefined {
  let latest: { status: BookingCheckStatus | 'failed'; at: number } | undefined;
  if (summary.result === 'success' || summary.result === 'failed') {
    const at = summary.lastTested === null ? Number.NaN : Date.parse(summary.lastTested);
    latest = { status: summary.result === 'success' ? 'ok' : 'failed', at };
  }
  const ours = own(facts.bookingChecks, loc.locationId);
  if (ours && (latest === undefined || !(latest.at >= ours.at))) latest = { status: ours.status, at: ours.at };
  return latest;
}

function judgeTested(facts: ChecklistFacts, loc: LocationFacts): Judgement {
  const target: Target = { page: 'booking', locationId: loc.locationId, field: 'Test og Lagre' };
  if (!loc.booking.read) return unreadable(BOOKING, loc.booking.reason, { page: 'location', locationId: loc.locationId, field: BOOKING });
  const summary = loc.booking.value;
  const system = (summary.system ?? '').trim();
  if (system === '') return judgement('na', 'checklist.result.booking.notSetUp', undefined, target);
  const test = latestTest(facts, loc, summary);
  if (test === undefined) return judgement('attention', 'checklist.result.booking.neverTested', { system }, target);
  const days = Number.isFinite(test.at) && Number.isFinite(facts.now) ? daysBetween(test.at, facts.now) : '?';
  switch (test.status) {
    case 'ok':
      if (typeof days === 'number' && facts.now - test.at <= BOOKING_TEST_FRESH_MS) {
        return judgement('ok', 'checklist.result.booking.ok', { system, days }, target);
      }
      return judgement('attention', 'checklist.result.booking.old', { system, days }, target);
    case 'no-service':
      return judgement('invalid', 'checklist.result.booking.noService', { system, days }, target);
    case 'connect-failed':
      return judgement('invalid', 'checklist.result.booking.connectFailed', { system, days }, target);
    case 'failed':
      return judgement('invalid', 'checklist.result.booking.failed', { system, days }, target);
    case 'error':
    default:
      // 'error', or a status stored by a newer version that this one does not know.
      return judgement('unchecked', 'checklist.result.booking.checkError', { system, days }, target);
  }
}

function judgeOnlineManager(loc: LocationFacts): Judgement {
  const target: Target = { page: 'onlineManager', locationId: loc.locationId, field: ONLINE_MANAGER };
  if (!loc.onlineManager.read) return unreadable(ONLINE_MANAGER, loc.onlineManager.reason, target);
  const om = loc.onlineManager.value;
  if (!om.setUp) return judgement('na', 'checklist.result.onlineManager.notSetUp', undefined, target);
  const admins = new Set(loc.people.read ? loc.people.value.filter((p) => !isPractitioner(p)).map((p) => foldName(p.name)) : []);
  const rows = om.rows.filter((r) => !admins.has(foldName(r.practitioner)));
  if (rows.length === 0) return judgement('na', 'checklist.result.onlineManager.noRows', undefined, target);

  const details: ResultDetail[] = [];
  const byProfile = new Map<string, string[]>();
  for (const row of rows) {
    const name = row.practitioner;
    const profile = row.profile?.trim() || null;
    if (profile === null) {
      const candidate = row.options.find((o) => nameSimilarity(name, o) >= SAME_PERSON);
      details.push(
        candidate === undefined
          ? { state: 'attention', messageKey: 'checklist.detail.onlineManager.noSlots', params: { name } }
          : { state: 'attention', messageKey: 'checklist.detail.onlineManager.choose', params: { name, profile: candidate } },
      );
      continue;
    }
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), name]);
    const score = nameSimilarity(name, profile);
    if (score < DIFFERENT_PERSON) {
      details.push({ state: 'invalid', messageKey: 'checklist.detail.onlineManager.wrongPerson', params: { name, profile } });
    } else if (score < SAME_PERSON) {
      details.push({ state: 'attention', messageKey: 'checklist.detail.onlineManager.unsure', params: { name, profile } });
    } else if (!row.options.some((o) => o.trim() === profile)) {
      // Missing from the drop-down: no free slots within the next 7 days (probably not opened for the network).
      details.push({ state: 'attention', messageKey: 'checklist.detail.onlineManager.linkedNoSlots', params: { name, profile } });
    } else {
      details.push({ state: 'ok', messageKey: 'checklist.detail.onlineManager.ok', params: { name, profile } });
    }
  }
  for (const [profile, names] of byProfile) {
    if (names.length > 1) {
      details.push({ state: 'invalid', messageKey: 'checklist.detail.onlineManager.shared', params: { profile, names: names.join(', ') } });
    }
  }
  const state = worstState(details.map((d) => d.state));
  const problems = new Set(details.filter((d) => d.state !== 'ok').map((d) => d.params?.name ?? d.params?.names)).size;
  const j =
    state === 'ok'
      ? judgement('ok', 'checklist.result.onlineManager.ok', { count: rows.length }, target)
      : judgement(state, 'checklist.result.onlineManager.problems', { count: problems, total: rows.length }, target);
  return { ...j, details };
}

export const bookingSection: ChecklistSection = {
  id: 'booking',
  number: 4,
  titleKey: 'checklist.section.booking.title',
  appliesTo: ['co-invoicing', 'shared-location'],
  items: [
    {
      id: 'booking.tested',
      titleKey: 'checklist.item.booking.tested.title',
      hintKey: 'checklist.item.booking.tested.hint',
      whyKey: 'checklist.item.booking.tested.why',
      field: BOOKING,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeTested(facts, loc)),
    },
    {
      id: 'booking.onlineManager',
      titleKey: 'checklist.item.booking.onlineManager.title',
      hintKey: 'checklist.item.booking.onlineManager.hint',
      whyKey: 'checklist.item.booking.onlineManager.why',
      field: ONLINE_MANAGER,
      judge: (facts) => judgePerLocation(facts, (loc) => judgeOnlineManager(loc)),
    },
  ],
};
