/**
 * Checks each seen location's address against Kartverket's address register (through the validation
 * client), remembers the outcome per address (a changed address is checked again), and answers within
 * a deadline: a slow register never holds the overlay up — the late answer is announced instead.
 */
import type { AddressCheck } from '../checklist/types';
import type { KartverketClient } from '../validation/registers/kartverket';
import type { AddressVerdict } from '../validation/address';
import type { KeyValueStore } from '../facts/memory';
import type { LocationFacts } from '../portal/types';

const VERIFIED_TTL_MS = 7 * 24 * 3_600_000;
const UNVERIFIED_TTL_MS = 10 * 60_000;

interface Stored {
  fingerprint: string;
  check: AddressCheck;
  at: number;
}

const key = (origin: string, locationId: string) => `addresscheck.v1:${origin}|${locationId}`;

/** The address fields of a location, or undefined when any of them is unread or empty. */
export function addressOf(loc: LocationFacts) {
  const parts = [loc.street, loc.postalCode, loc.postalPlace, loc.municipality];
  if (parts.some((p) => !p.read || !p.value)) return undefined;
  const [street, postalCode, postalPlace, municipality] = parts.map((p) => (p.read ? (p.value ?? '') : ''));
  return { street: street!, postalCode: postalCode!, postalPlace: postalPlace!, municipality: municipality! };
}

export function checkFromVerdict(v: AddressVerdict): AddressCheck {
  if (v.severity === 'ok' || v.severity === 'info') return 'verified';
  if (v.severity === 'unverified') return 'unverified';
  if (/postalCodeMismatch|postalPlaceMismatch|municipalityMismatch/.test(v.key)) return 'mismatch';
  return 'not-found';
}

export function createAddressChecker(deps: { client: Pick<KartverketClient, 'checkAddress'>; store: KeyValueStore; now: () => number }) {
  const inFlight = new Map<string, Promise<AddressCheck>>();

  async function checkOne(origin: string, loc: LocationFacts): Promise<AddressCheck | undefined> {
    const address = addressOf(loc);
    if (!address) return undefined;
    const fingerprint = JSON.stringify(address);
    const k = key(origin, loc.locationId);
    const stored = (await deps.store.get([k]))[k] as Stored | undefined;
    const ttl = stored?.check === 'unverified' ? UNVERIFIED_TTL_MS : VERIFIED_TTL_MS;
    if (stored && stored.fingerprint === fingerprint && deps.now() - stored.at < ttl) return stored.check;
    const flightKey = `${k}|${fingerprint}`;
    let pending = inFlight.get(flightKey);
    if (!pending) {
      pending = deps.client
        .checkAddress(address)
        .then(checkFromVerdict, () => 'unverified' as const)
        .then(async (check) => {
          await deps.store.set({ [k]: { fingerprint, check, at: deps.now() } satisfies Stored });
          return check;
        })
        .finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, pending);
    }
    return pending;
  }

  /**
   * Checks for these locations: the ones known within `deadlineMs`; `onLate` runs once when checks that
   * missed the deadline have finished (so the caller can refresh what it showed).
   */
  async function forLocations(origin: string, locations: readonly LocationFacts[], options: { deadlineMs: number; onLate?: () => void }) {
    const results: Record<string, AddressCheck> = {};
    const jobs = locations.map((loc) =>
      checkOne(origin, loc).then((check) => {
        if (check) results[loc.locationId] = check;
      }),
    );
    const all = Promise.allSettled(jobs);
    let late = false;
    await Promise.race([all, new Promise<void>((resolve) => setTimeout(() => ((late = true), resolve()), options.deadlineMs))]);
    if (late && options.onLate) void all.then(() => options.onLate?.());
    return { ...results };
  }

  return { checkOne, forLocations };
}

export type AddressChecker = ReturnType<typeof createAddressChecker>;
