/**
 * The sandbox's data model: what the portal store and the vendor simulator hold.
 * Scenario builders (see scenarios.ts) produce a `Scenario`; the servers deep-copy it into their stores.
 */

export type FirmType = 'invoicing' | 'co-invoicing' | 'shared-location';
export type AgreementState = 'active' | 'applied' | 'none';
export type PartnerId = 'digicare-storebrand' | 'falck' | 'if-vertikal' | 'avonova' | 'dkv';
export type BookingSystem = 'aspit' | 'pasientsky' | 'konfidens';
/** The simulator's base paths; `aspit` setups live under physica or psykbase. */
export type VendorKind = 'physica' | 'psykbase' | 'pasientsky' | 'konfidens';
export type PersonRole = 'Behandler' | 'Administrator' | 'Resepsjon';

export const PARTNERS: ReadonlyArray<{ id: PartnerId; name: string }> = [
  { id: 'digicare-storebrand', name: 'Digicare (på vegne av Storebrand)' },
  { id: 'falck', name: 'Falck Helse' },
  { id: 'if-vertikal', name: 'If/Vertikal Helse' },
  { id: 'avonova', name: 'Avonova Forsikring' },
  { id: 'dkv', name: 'DKV Hälsa (Sverige)' },
];

export const BOOKING_SYSTEMS: ReadonlyArray<{ id: BookingSystem; name: string; kinds: VendorKind[] }> = [
  { id: 'aspit', name: 'Aspit (Physica/Psykbase)', kinds: ['physica', 'psykbase'] },
  { id: 'pasientsky', name: 'EG Pasientsky', kinds: ['pasientsky'] },
  { id: 'konfidens', name: 'Konfidens', kinds: ['konfidens'] },
];

export const FACILITIES = [
  'Treningssal',
  'Behandlingsbenk',
  'Basseng',
  'Universell utforming',
  'Parkering',
  'Garderobe/dusj',
  'Venterom',
  'Heis',
] as const;

export const TREATMENTS = [
  'Manuellterapi',
  'Idrettsfysioterapi',
  'Psykomotorisk fysioterapi',
  'Barnefysioterapi',
  'Kvinnehelse/bekkenhelse',
  'Akupunktur',
  'Trykkbølgebehandling',
  'Opptrening etter skade/operasjon',
  'Gruppetrening',
  'Hjemmebesøk',
] as const;

/** Service-type codes the portal knows (HealthcareService.type[].coding[].code). */
export const SERVICE_CODE_SYSTEM = 'https://behandlernettverk.no/fhir/CodeSystem/tjenestetype';
export const KNOWN_SERVICE_CODES: Readonly<Record<string, string>> = {
  'FYS-01': 'Fysioterapi, førstegangskonsultasjon',
  'FYS-02': 'Fysioterapi, oppfølging',
  'MT-01': 'Manuellterapi',
  'PMF-01': 'Psykomotorisk fysioterapi',
  'PSY-01': 'Psykolog, samtale',
  'KIR-01': 'Kiropraktor',
};

export interface Admin {
  name: string;
  email: string;
}

export interface Firm {
  id: string;
  name: string;
  orgnr: string;
  type: FirmType;
  website: string;
  invoiceEmail: string;
  phone: string;
  address: string;
  version: number;
  agreements: Record<PartnerId, AgreementState>;
}

export interface BookingSettings {
  system: BookingSystem | null;
  clientId: string;
  key: string;
  lastTestedAt: string | null;
  lastResult: 'success' | 'failure' | null;
  lastLog: LogLine[];
}

export interface LogLine {
  level: 'OK' | 'ERROR' | 'WARNING' | 'INFO' | 'RESULT';
  text: string;
}

export interface Location {
  id: string;
  firmId: string;
  name: string;
  street: string;
  postalCode: string;
  postalPlace: string;
  municipality: string;
  mobile: string;
  phone: string;
  email: string;
  facilities: string[];
  treatments: string[];
  version: number;
  booking: BookingSettings;
  /** Online Manager links: personId -> vendor profile (PractitionerRole) id. */
  links: Record<string, string>;
  invitations: Invitation[];
}

export interface Invitation {
  email: string;
  sentAt: string;
  status: string;
}

export interface Person {
  id: string;
  locationId: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  hpr: string;
  role: PersonRole;
  version: number;
}

export type VendorFailureMode =
  | 'ok'
  | 'refused'
  | 'hang'
  | 'slow'
  | 'wrong-keys'
  | 'not-found'
  | 'server-error'
  | 'garbage'
  | 'no-known-service';

export interface VendorService {
  id: string;
  code: string;
  display: string;
}

export interface VendorPractitioner {
  /** PractitionerRole id = the "profile" id shown in Online Manager. */
  id: string;
  displayName: string;
  /** Number of free slots to generate in the next 7 days (0 = none). */
  freeSlots: number;
}

export interface VendorSetup {
  /** Setup id = the location's Klient-ID (FHIR `organization` search parameter). */
  id: string;
  kind: VendorKind;
  clientSecret: string;
  mode: VendorFailureMode;
  latencyMs: number;
  services: VendorService[];
  practitioners: VendorPractitioner[];
}

export interface SandboxOptions {
  /** Random API latency range in ms (min..max). [0, 0] = instant. */
  delayMs: [number, number];
  /** The portal server's timeout per call to the booking vendor. */
  bookingTimeoutMs: number;
}

export interface Scenario {
  name: string;
  admin: Admin;
  firms: Firm[];
  locations: Location[];
  people: Person[];
  vendorSetups: VendorSetup[];
}
