/**
 * Document -> typed facts for each page kind (docs/portal.md). What cannot be found is reported as
 * `{ read: false, reason }` ("could not read X"), never guessed. An empty value the portal shows as
 * "Ikke oppgitt" reads as `null`.
 */
import { detectPage } from './pages';
import { findDetail, findSection, normalizeText, readTable, visibleText } from './fields';
import type {
  AdminFacts,
  Agreement,
  AgreementState,
  BookingSummary,
  Fact,
  FirmFacts,
  FirmType,
  LocationFacts,
  LocationRef,
  OnlineManagerFacts,
  PartnerId,
  Person,
} from './types';

const ok = <T>(value: T): Fact<T> => ({ read: true, value });
const unread = <T>(reason: string): Fact<T> => ({ read: false, reason });

/** The portal's words for "nothing registered". */
const EMPTY_WORDS = new Set(['ikke oppgitt', 'ikke registrert', '-', '–', '']);

/** Longer than any real value: the page did not show what we expected (the background would reject it). */
const MAX_TEXT = 480;

function detailText(root: ParentNode, label: string): Fact<string | null> {
  const el = findDetail(root, label);
  if (!el) return unread(`field:${label}`);
  const text = visibleText(el);
  if (text.length > MAX_TEXT) return unread(`field:${label}`);
  return ok(EMPTY_WORDS.has(normalizeText(text)) ? null : text);
}

function detailList(root: ParentNode, label: string): Fact<string[]> {
  const f = detailText(root, label);
  if (!f.read) return f;
  if (f.value === null) return ok([]);
  return ok(f.value.split(/\s*[,;]\s*/).filter((v) => v && v.length <= 200));
}

function idFromHref(el: Element | null | undefined, kind: 'firm' | 'location' | 'person'): string | undefined {
  const href = el?.getAttribute('href');
  if (!href) return undefined;
  const base = el?.ownerDocument?.location?.href ?? 'https://behandlernettverk.no/';
  let page;
  try {
    page = detectPage(new URL(href, base));
  } catch {
    return undefined;
  }
  if (kind === 'firm' && page?.kind === 'firm') return page.firmId;
  if (kind === 'location' && page?.kind === 'location') return page.locationId;
  if (kind === 'person' && (page?.kind === 'person' || page?.kind === 'personEdit')) return page.personId;
  return undefined;
}

export function parseFirmType(text: string | null): FirmType | null {
  const t = normalizeText(text);
  if (!t) return null;
  if (t.includes('delt lokasjon')) return 'shared-location';
  if (t.includes('fellesfakturerende') || t.includes('selvstendig')) return 'co-invoicing';
  if (t.includes('fakturerende')) return 'invoicing';
  return null;
}

export function parsePartner(text: string): PartnerId | undefined {
  const t = normalizeText(text);
  if (t.includes('digicare') || t.includes('storebrand')) return 'digicare-storebrand';
  if (t.includes('falck')) return 'falck';
  if (t.includes('vertikal') || /^if\b/.test(t)) return 'if-vertikal';
  if (t.includes('avonova')) return 'avonova';
  if (t.includes('dkv')) return 'dkv';
  return undefined;
}

export function parseAgreementState(text: string): AgreementState | undefined {
  const t = normalizeText(text);
  if (t === 'aktiv' || t === 'active') return 'active';
  if (t === 'søkt' || t.startsWith('søkt ') || t === 'applied') return 'applied';
  if (t.includes('ingen avtale') || t === 'ingen' || t === 'none') return 'none';
  return undefined;
}

/** "02.10.2026 10:15" (Europe/Oslo) -> ISO string in UTC; null for "Aldri" / empty; undefined if unreadable. */
export function parsePortalDateTime(text: string | null): string | null | undefined {
  const t = normalizeText(text);
  if (!t || t === 'aldri' || t === 'ikke testet') return null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const [, d, mo, y, h = '0', mi = '0'] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(local)) return undefined;
  return new Date(local - osloOffsetMs(local)).toISOString();
}

/** Oslo's UTC offset at a local wall-clock time: +2 h from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
function osloOffsetMs(localAsUtc: number): number {
  const year = new Date(localAsUtc).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const utcGuess = localAsUtc - 3_600_000;
  return utcGuess >= lastSunday(2) && utcGuess < lastSunday(9) ? 7_200_000 : 3_600_000;
}

// ------------------------------------------------------------------ admin (header)

const EMAIL_RE = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/;

export function readAdminFacts(doc: Document): AdminFacts {
  const banner = doc.querySelector('header, [role=banner]');
  if (!banner) return { name: unread('header'), email: unread('header') };
  let email: string | undefined;
  const leaves = Array.from(banner.querySelectorAll('*')).filter((e) => e.children.length === 0);
  for (const leaf of leaves) {
    const m = EMAIL_RE.exec(leaf.textContent ?? '');
    if (m && !leaf.closest('a[href^="mailto:"]')) {
      email = m[0];
      break;
    }
  }
  const menuButton = Array.from(banner.querySelectorAll('button[aria-haspopup], [role=button][aria-haspopup]'))[0];
  const name = menuButton ? visibleText(menuButton) : '';
  return { name: name ? ok(name) : unread('admin name'), email: email ? ok(email) : unread('admin e-mail') };
}

// ------------------------------------------------------------------ firm page

export function readFirmFacts(doc: Document, firmId: string, now: number): FirmFacts {
  const info = findSection(doc, 'Firmainformasjon') ?? doc;
  const name = detailText(info, 'Navn');
  const typeText = detailText(info, 'Firmatype');
  let firmType: Fact<FirmType | null>;
  if (!typeText.read) firmType = ok(null);
  else {
    const parsed = parseFirmType(typeText.value);
    firmType = parsed || typeText.value === null ? ok(parsed) : unread(`firm type "${typeText.value}"`);
  }
  const orgnrText = detailText(info, 'Organisasjonsnummer');
  const orgnr: Fact<string | null> = orgnrText.read ? ok(orgnrText.value?.replace(/\s+/g, '') ?? null) : orgnrText;

  return {
    firmId,
    seenAt: now,
    name: name.read && name.value ? ok(name.value) : name.read ? unread('Navn') : name,
    orgnr,
    firmType,
    website: detailText(info, 'Webside'),
    invoiceEmail: detailText(info, 'E-post for faktura'),
    locations: readFirmLocations(doc),
    agreements: readAgreements(doc),
  } as FirmFacts;
}

function readFirmLocations(doc: Document): Fact<LocationRef[]> {
  const section = findSection(doc, 'Lokasjoner');
  if (!section) return unread('section:Lokasjoner');
  const table = readTable(section);
  if (!table) {
    return /ingen lokasjoner/.test(normalizeText(visibleText(section))) ? ok([]) : unread('table:Lokasjoner');
  }
  const refs: LocationRef[] = [];
  for (const row of table.rows) {
    const link = row.row.querySelector('a[href]');
    const id = idFromHref(link, 'location');
    if (!id) return unread('location link');
    refs.push({ id, name: visibleText(link) });
  }
  return ok(refs);
}

function readAgreements(doc: Document): Fact<Agreement[]> {
  const section = findSection(doc, 'Samarbeidsavtaler');
  if (!section) return unread('section:Samarbeidsavtaler');
  const table = readTable(section);
  if (!table) return unread('table:Samarbeidsavtaler');
  const out: Agreement[] = [];
  for (const row of table.rows) {
    const partner = parsePartner(visibleText(row.byHeader['partner'] ?? row.cells[0]));
    const state = parseAgreementState(visibleText(row.byHeader['status'] ?? row.cells[1]));
    if (!partner || !state) return unread('agreement row');
    out.push({ partner, state });
  }
  return ok(out);
}

// ------------------------------------------------------------------ location page

export function readLocationFacts(doc: Document, locationId: string, now: number): LocationFacts {
  const info = findSection(doc, 'Lokasjonsinformasjon') ?? doc;
  const crumbs = doc.querySelector('nav[aria-label*="smule" i], nav[aria-label*="breadcrumb" i], [aria-label*="brødsmule" i]') ?? doc;
  const firmLink = Array.from(crumbs.querySelectorAll('a[href]')).find((a) => idFromHref(a, 'firm'));
  const firmId = idFromHref(firmLink, 'firm');
  const name = detailText(info, 'Navn');
  return {
    locationId,
    seenAt: now,
    firmId: firmId ? ok(firmId) : unread('firm link'),
    name: name.read ? (name.value ? ok(name.value) : unread('Navn')) : name,
    street: detailText(info, 'Gateadresse'),
    postalCode: detailText(info, 'Postnummer'),
    postalPlace: detailText(info, 'Poststed'),
    municipality: detailText(info, 'Kommune'),
    mobile: detailText(info, 'Mobilnummer'),
    facilities: detailList(info, 'Fasiliteter'),
    treatments: detailList(info, 'Behandlingstilbud'),
    people: readPeople(doc),
    booking: readBooking(doc),
    onlineManager: readOnlineManager(doc),
  } as LocationFacts;
}

function readPeople(doc: Document): Fact<Person[]> {
  const section = findSection(doc, 'Personer');
  if (!section) return unread('section:Personer');
  const table = readTable(section);
  if (!table) return /ingen personer/.test(normalizeText(visibleText(section))) ? ok([]) : unread('table:Personer');
  const people: Person[] = [];
  for (const row of table.rows) {
    const id = Array.from(row.row.querySelectorAll('a[href]'))
      .map((a) => idFromHref(a, 'person'))
      .find(Boolean);
    const name = visibleText(row.byHeader['navn'] ?? row.cells[0]);
    if (!id || !name) return unread('person row');
    people.push({ id, name, role: visibleText(row.byHeader['rolle'] ?? row.cells[1]) });
  }
  return ok(people);
}

function readBooking(doc: Document): Fact<BookingSummary> {
  const section = findSection(doc, 'Online booking');
  if (!section) return unread('section:Online booking');
  const system = detailText(section, 'Bookingsystem');
  const tested = detailText(section, 'Sist testet');
  const result = detailText(section, 'Resultat');
  if (!system.read || !tested.read || !result.read) return unread('Online booking details');
  const systemName = system.value && normalizeText(system.value) !== 'ikke satt opp' ? system.value : null;
  const lastTested = parsePortalDateTime(tested.value);
  if (lastTested === undefined) return unread(`Sist testet "${tested.value}"`);
  const r = normalizeText(result.value);
  const outcome = r === 'suksess' ? 'success' : r === 'feil' || r === 'feilet' ? 'failed' : 'untested';
  return ok({ system: systemName, lastTested, result: outcome });
}

function readOnlineManager(doc: Document): Fact<OnlineManagerFacts> {
  const section = findSection(doc, 'Online Manager');
  if (!section) return unread('section:Online Manager');
  if (section.querySelector('[aria-busy="true"]')) return unread('Online Manager is still loading');
  const text = normalizeText(visibleText(section));
  if (text.includes('ikke satt opp')) return ok({ setUp: false, rows: [] });
  const table = readTable(section);
  if (!table) return text.includes('ingen behandlere') ? ok({ setUp: true, rows: [] }) : unread('table:Online Manager');
  const rows = [];
  for (const row of table.rows) {
    const select = row.row.querySelector('select');
    const practitioner = visibleText(row.cells[0]);
    if (!select || !practitioner) return unread('Online Manager row');
    const options = Array.from(select.options)
      .filter((o) => o.value !== '')
      .map((o) => normalizeSpace(o.textContent));
    const chosen = select.selectedOptions[0];
    rows.push({ practitioner, profile: chosen && chosen.value !== '' ? normalizeSpace(chosen.textContent) : null, options });
  }
  return ok({ setUp: true, rows });
}

const normalizeSpace = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ dispatcher

export type PageFacts =
  | { kind: 'firm'; admin: AdminFacts; firm: FirmFacts }
  | { kind: 'location'; admin: AdminFacts; location: LocationFacts }
  | { kind: 'other'; admin: AdminFacts; firmId?: string; locationId?: string };

/** True while the SPA is still loading the page's data (nothing to read yet). */
/** Attributes whose change means the portal finished or started loading something. */
export const LOADING_ATTRIBUTES = ['aria-busy', 'hidden'];

/** The portal's word for a person who administers rather than treats (not a practitioner). */
export function isAdminRole(role: string): boolean {
  return /administrator/i.test(role);
}

export function isLoading(doc: Document): boolean {
  const main = doc.querySelector('main, [role=main]');
  if (!main) return true;
  return main.getAttribute('aria-busy') === 'true' || !main.querySelector('h1');
}

/** True while a part of the loaded page (such as Online Manager) is still fetching its own data. */
export function hasLoadingParts(doc: Document): boolean {
  return doc.querySelector('main [aria-busy="true"], [role=main] [aria-busy="true"]') !== null;
}

export function readPageFacts(doc: Document, url: string, now: number): PageFacts | undefined {
  const page = detectPage(url);
  if (!page) return undefined;
  const admin = readAdminFacts(doc);
  // Only a page that shows the entity's own details section is about that entity: an error page
  // ("Noe gikk galt", "Fant ikke siden") must not overwrite what was read from the real page.
  if (page.kind === 'firm' && page.firmId && findSection(doc, 'Firmainformasjon')) return { kind: 'firm', admin, firm: readFirmFacts(doc, page.firmId, now) };
  if (page.kind === 'location' && page.locationId && findSection(doc, 'Lokasjonsinformasjon')) {
    return { kind: 'location', admin, location: readLocationFacts(doc, page.locationId, now) };
  }
  const out: PageFacts = { kind: 'other', admin };
  if (page.firmId) out.firmId = page.firmId;
  if (page.locationId) out.locationId = page.locationId;
  return out;
}
