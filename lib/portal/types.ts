/**
 * Typed facts read from the portal's pages (by `facts.ts`), remembered per firm and location, and judged
 * by `lib/checklist`. A fact the page did not show as expected is `{ read: false }` with a reason — never
 * guessed. An empty field the portal shows as "Ikke oppgitt" is `{ read: true, value: null }`.
 */
export const FIRM_TYPES = ['invoicing', 'co-invoicing', 'shared-location'] as const;
export type FirmType = (typeof FIRM_TYPES)[number];

export const PARTNERS = ['digicare-storebrand', 'falck', 'if-vertikal', 'avonova', 'dkv'] as const;
export type PartnerId = (typeof PARTNERS)[number];

/** The partners as the portal names them (Samarbeidsavtaler). */
export const PARTNER_LABELS: Readonly<Record<PartnerId, string>> = {
  'digicare-storebrand': 'Digicare (på vegne av Storebrand)',
  falck: 'Falck Helse',
  'if-vertikal': 'If/Vertikal Helse',
  avonova: 'Avonova Forsikring',
  dkv: 'DKV Hälsa (Sverige)',
};

export const AGREEMENT_STATES = ['active', 'applied', 'none'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export type Fact<T> = { read: true; value: T } | { read: false; reason: string };

export interface LocationRef {
  id: string;
  name: string;
}

export interface Agreement {
  partner: PartnerId;
  state: AgreementState;
}

export interface AdminFacts {
  name: Fact<string>;
  email: Fact<string>;
}

export interface FirmFacts {
  firmId: string;
  /** When these facts were read (epoch ms). */
  seenAt: number;
  name: Fact<string>;
  orgnr: Fact<string | null>;
  /** What the portal shows as Firmatype (null: the page does not show a type). */
  firmType: Fact<FirmType | null>;
  website: Fact<string | null>;
  invoiceEmail: Fact<string | null>;
  locations: Fact<LocationRef[]>;
  agreements: Fact<Agreement[]>;
}

export interface Person {
  id: string;
  name: string;
  role: string;
}

export interface BookingSummary {
  /** Booking system name as shown, or null when not set up. */
  system: string | null;
  /** When the portal last tested (ISO string), or null for never. */
  lastTested: string | null;
  result: 'success' | 'failed' | 'untested';
}

export interface OnlineManagerRow {
  practitioner: string;
  /** The linked profile's display name, or null for "Ingen profil valgt". */
  profile: string | null;
  /** Profiles offered in the drop-down (those with free slots in the next 7 days). */
  options: string[];
}

export interface OnlineManagerFacts {
  setUp: boolean;
  rows: OnlineManagerRow[];
}

export interface LocationFacts {
  locationId: string;
  seenAt: number;
  /** The owning firm, from the breadcrumb. */
  firmId: Fact<string>;
  name: Fact<string>;
  street: Fact<string | null>;
  postalCode: Fact<string | null>;
  postalPlace: Fact<string | null>;
  municipality: Fact<string | null>;
  mobile: Fact<string | null>;
  facilities: Fact<string[]>;
  treatments: Fact<string[]>;
  people: Fact<Person[]>;
  booking: Fact<BookingSummary>;
  onlineManager: Fact<OnlineManagerFacts>;
}
