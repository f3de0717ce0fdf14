import type {
  AgreementState,
  BookingSettings,
  BookingSystem,
  Firm,
  FirmType,
  Location,
  PartnerId,
  Person,
  PersonRole,
  VendorFailureMode,
  VendorKind,
  VendorPractitioner,
  VendorService,
  VendorSetup,
} from './types.ts';

/** MOD11 check digit for Norwegian organisation numbers, or null when the base has none (r = 1). */
export function orgnrCheckDigit(base8: string): number | null {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(base8[i]) * (weights[i] ?? 0);
  const r = sum % 11;
  if (r === 1) return null;
  return r === 0 ? 0 : 11 - r;
}

export function isValidOrgnr(orgnr: string): boolean {
  if (!/^\d{9}$/.test(orgnr)) return false;
  return orgnrCheckDigit(orgnr.slice(0, 8)) === Number(orgnr[8]);
}

/** Deterministic valid organisation number derived from a seed integer. */
export function makeOrgnr(seed: number): string {
  for (let n = seed; ; n++) {
    const base = String(910000000 + ((n * 7919) % 89999999)).slice(0, 8);
    const c = orgnrCheckDigit(base);
    if (c !== null) return base + String(c);
  }
}

export function agreements(partial: Partial<Record<PartnerId, AgreementState>> = {}): Record<PartnerId, AgreementState> {
  return {
    'digicare-storebrand': 'active',
    falck: 'active',
    'if-vertikal': 'active',
    avonova: 'active',
    dkv: 'none',
    ...partial,
  };
}

export function firm(f: Omit<Firm, 'version' | 'agreements'> & { agreements?: Partial<Record<PartnerId, AgreementState>> }): Firm {
  return { ...f, version: 1, agreements: agreements(f.agreements) };
}

export function booking(system: BookingSystem | null, clientId = '', key = '', tested?: Partial<BookingSettings>): BookingSettings {
  return { system, clientId, key, lastTestedAt: null, lastResult: null, lastLog: [], ...tested };
}

type LocationInput = Omit<Location, 'version' | 'links' | 'invitations' | 'booking'> & {
  booking?: BookingSettings;
  links?: Record<string, string>;
};

export function location(l: LocationInput): Location {
  return { booking: booking(null), links: {}, invitations: [], ...l, version: 1 };
}

export function person(
  id: string,
  locationId: string,
  name: string,
  title: string,
  extra: Partial<Pick<Person, 'email' | 'phone' | 'hpr' | 'role'>> = {},
): Person {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  const role: PersonRole = extra.role ?? 'Behandler';
  return {
    id,
    locationId,
    name,
    title,
    email: extra.email ?? `${slug}@example.no`,
    phone: extra.phone ?? '',
    hpr: extra.hpr ?? (role === 'Behandler' ? String(9100000 + ((Number(id.replace(/\D/g, '')) * 37) % 899999)) : ''),
    role,
    version: 1,
  };
}

export const STANDARD_SERVICES: VendorService[] = [
  { id: 'hs-1', code: 'FYS-01', display: 'Fysioterapi, førstegangskonsultasjon' },
  { id: 'hs-2', code: 'FYS-02', display: 'Fysioterapi, oppfølging' },
];

export function setup(
  id: string,
  kind: VendorKind,
  clientSecret: string,
  practitioners: VendorPractitioner[],
  opts: { mode?: VendorFailureMode; latencyMs?: number; services?: VendorService[] } = {},
): VendorSetup {
  return {
    id,
    kind,
    clientSecret,
    mode: opts.mode ?? 'ok',
    latencyMs: opts.latencyMs ?? 0,
    services: opts.services ?? STANDARD_SERVICES,
    practitioners,
  };
}

export function pr(id: string, displayName: string, freeSlots: number): VendorPractitioner {
  return { id, displayName, freeSlots };
}

export type { FirmType };
