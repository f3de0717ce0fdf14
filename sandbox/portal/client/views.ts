/** The portal's pages. All data is rendered as text (see dom.ts). */
import { clear, h, uid, type Child } from './dom.ts';
import { api, ApiError } from './http.ts';
import { link, navigate, route, setNotFound } from './router.ts';
import {
  breadcrumbs,
  button,
  card,
  checkboxGroup,
  details,
  formatDateTime,
  formatOrgnr,
  linkButton,
  NOT_GIVEN,
  setBusy,
  showSaveError,
  textField,
} from './ui.ts';

// ------------------------------------------------------------------ API types (as the server sends them)

type FirmType = 'invoicing' | 'co-invoicing' | 'shared-location';
type AgreementState = 'active' | 'applied' | 'none';

interface FirmSummary {
  id: string;
  name: string;
  orgnr: string;
  type: FirmType;
  locationCount: number;
}

interface FirmDetail {
  id: string;
  name: string;
  orgnr: string;
  type: FirmType;
  website: string;
  invoiceEmail: string;
  phone: string;
  address: string;
  version: number;
  locations: Array<{ id: string; name: string; address: string; bookingSystem: string | null }>;
  agreements: Array<{ partnerId: string; partnerName: string; state: AgreementState }>;
}

interface LogLine {
  level: string;
  text: string;
}

interface BookingInfo {
  system: string | null;
  systemName: string | null;
  clientId: string;
  hasKey: boolean;
  lastTestedAt: string | null;
  lastResult: 'success' | 'failure' | null;
  lastLog: LogLine[];
}

interface LocationDetail {
  id: string;
  firmId: string;
  firmName: string;
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
  people: Array<{ id: string; name: string; title: string; role: string }>;
  booking: BookingInfo;
  options: { facilities: string[]; treatments: string[] };
}

interface OnlineManager {
  bookingConfigured: boolean;
  practitioners: Array<{ personId: string; name: string; profileId: string | null }>;
  profiles: Array<{ id: string; name: string }>;
}

interface PersonDetail {
  id: string;
  locationId: string;
  locationName: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  hpr: string;
  role: string;
  version: number;
}

interface Invitation {
  email: string;
  sentAt: string;
  status: string;
}

interface AddressHit {
  text: string;
  street: string;
  postalCode: string;
  postalPlace: string;
  municipality: string;
  lat: number | null;
  lon: number | null;
}

const FIRM_TYPES: Record<FirmType, string> = {
  invoicing: 'Fakturerende firma',
  'co-invoicing': 'Fellesfakturerende lokasjon / selvstendig firma',
  'shared-location': 'Delt lokasjon',
};

const AGREEMENT_STATES: Record<AgreementState, string> = { active: 'Aktiv', applied: 'Søkt', none: 'Ingen avtale' };

const BOOKING_OPTIONS: Array<[string, string]> = [
  ['', 'Velg…'],
  ['aspit', 'Aspit (Physica/Psykbase)'],
  ['pasientsky', 'EG Pasientsky'],
  ['konfidens', 'Konfidens'],
];

function table(headers: Array<string | { text: string; hidden: boolean }>, rows: Child[][], caption?: string): HTMLTableElement {
  return h(
    'table',
    { class: 'table' },
    caption ? h('caption', { class: 'sr-only' }, caption) : null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        headers.map((x) => (typeof x === 'string' ? h('th', { scope: 'col' }, x) : h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, x.text)))),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r) => h('tr', null, r.map((c) => h('td', null, c)))),
    ),
  );
}

function pageHeader(title: string, ...actions: Child[]): HTMLElement {
  return h('div', { class: 'page-header' }, h('h1', null, title), actions.length ? h('div', { class: 'page-actions' }, actions) : null);
}

function websiteNode(url: string): string | Node {
  if (!url) return '';
  return /^https?:\/\//i.test(url) ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url) : url;
}

function formActions(...children: Child[]): HTMLElement {
  return h('div', { class: 'form-actions' }, children);
}

// ------------------------------------------------------------------ firms list

route(/^\/$/, async () => {
  const firms = await api<FirmSummary[]>('GET', '/firms');
  const content: Child[] = [pageHeader('Firmaer')];
  if (firms.length === 0) {
    content.push(card(null, h('p', { class: 'empty' }, 'Du administrerer ingen firmaer ennå.')));
  } else {
    content.push(
      card(
        null,
        table(
          ['Navn', 'Organisasjonsnummer', 'Type', 'Lokasjoner'],
          firms.map((f) => [link(`/firma/${encodeURIComponent(f.id)}`, f.name), formatOrgnr(f.orgnr), FIRM_TYPES[f.type], String(f.locationCount)]),
          'Firmaer du administrerer',
        ),
      ),
    );
  }
  return { title: 'Firmaer', content };
});

// ------------------------------------------------------------------ firm

route(/^\/firma\/([\w-]+)$/, async ({ params }) => {
  const id = params[0] ?? '';
  const firm = await api<FirmDetail>('GET', `/firms/${encodeURIComponent(id)}`);
  const info = card(
    'Firmainformasjon',
    details([
      ['Navn', firm.name],
      ['Organisasjonsnummer', formatOrgnr(firm.orgnr)],
      ['Firmatype', FIRM_TYPES[firm.type]],
      ['Webside', websiteNode(firm.website)],
      ['E-post for faktura', firm.invoiceEmail],
      ['Telefon', firm.phone],
      ['Adresse', firm.address],
    ]),
    h('div', { class: 'card-actions' }, button('Endre', { variant: 'primary', onClick: () => navigate(`/firma/${encodeURIComponent(firm.id)}/endre`) })),
  );
  const locations = card(
    'Lokasjoner',
    firm.locations.length === 0
      ? h('p', { class: 'empty' }, 'Ingen lokasjoner')
      : table(
          ['Navn', 'Adresse', 'Bookingsystem'],
          firm.locations.map((l) => [link(`/lokasjon/${encodeURIComponent(l.id)}`, l.name), l.address || NOT_GIVEN, l.bookingSystem ?? 'Ikke satt opp']),
        ),
  );
  const notice = h('p', { class: 'notice', role: 'status' });
  const agreements = card(
    'Samarbeidsavtaler',
    h('p', { class: 'muted' }, 'Uten samarbeidsavtale kan fakturaer til partneren bli avvist.'),
    table(
      ['Partner', 'Status', { text: 'Handling', hidden: true }],
      firm.agreements.map((a) => {
        const status = h('span', { class: `badge badge-${a.state}` }, AGREEMENT_STATES[a.state]);
        const actionCell = h('span');
        if (a.state === 'none') {
          const btn = button('Søk om samarbeidsavtale', {
            onClick: async () => {
              setBusy(btn, true);
              try {
                const r = await api<{ state: AgreementState }>('POST', `/firms/${encodeURIComponent(firm.id)}/agreements/${encodeURIComponent(a.partnerId)}`, {});
                status.className = `badge badge-${r.state}`;
                status.textContent = AGREEMENT_STATES[r.state];
                clear(actionCell);
                notice.textContent = `Søknad om samarbeidsavtale med ${a.partnerName} er sendt.`;
              } catch (err) {
                setBusy(btn, false);
                if (err instanceof ApiError && err.status === 401) navigate('/logg-inn');
                else notice.textContent = 'Noe gikk galt. Prøv igjen senere.';
              }
            },
          });
          actionCell.append(btn);
        }
        return [a.partnerName, status, actionCell];
      }),
    ),
    notice,
  );
  return {
    title: firm.name,
    content: [breadcrumbs(['/', 'Firmaer']), pageHeader(firm.name), info, locations, agreements],
  };
});

// ------------------------------------------------------------------ firm edit

route(/^\/firma\/([\w-]+)\/endre$/, async ({ params }) => {
  const id = params[0] ?? '';
  const firm = await api<FirmDetail>('GET', `/firms/${encodeURIComponent(id)}`);
  const f = {
    name: textField('Navn', 'name', firm.name, { autocomplete: 'organization' }),
    orgnr: textField('Organisasjonsnummer', 'orgnr', firm.orgnr, { hint: '9 siffer' }),
    website: textField('Webside', 'website', firm.website, { type: 'url', autocomplete: 'url', placeholder: 'https://' }),
    invoiceEmail: textField('E-post for faktura', 'invoiceEmail', firm.invoiceEmail, {
      type: 'email',
      hint: 'Fakturavarsler sendes hit. Står feltet tomt, går de til firmaadministrator.',
    }),
    phone: textField('Telefon', 'phone', firm.phone, { type: 'tel' }),
    address: textField('Adresse', 'address', firm.address),
  };
  const labels: Record<keyof typeof f, string> = {
    name: 'Navn',
    orgnr: 'Organisasjonsnummer',
    website: 'Webside',
    invoiceEmail: 'E-post for faktura',
    phone: 'Telefon',
    address: 'Adresse',
  };
  const summary = h('div', { hidden: true });
  const save = button('Lagre', { variant: 'primary', type: 'submit' });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': 'Endre firma' },
    summary,
    Object.values(f).map((x) => x.wrap),
    formActions(save, button('Avbryt', { onClick: () => navigate(`/firma/${encodeURIComponent(firm.id)}`) })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setBusy(save, true, 'Lagrer …');
    try {
      await api('PUT', `/firms/${encodeURIComponent(firm.id)}`, {
        version: firm.version,
        name: f.name.input.value,
        orgnr: f.orgnr.input.value,
        website: f.website.input.value,
        invoiceEmail: f.invoiceEmail.input.value,
        phone: f.phone.input.value,
        address: f.address.input.value,
      });
      navigate(`/firma/${encodeURIComponent(firm.id)}`);
    } catch (err) {
      setBusy(save, false);
      showSaveError(
        err,
        form,
        summary,
        Object.fromEntries(Object.entries(f).map(([k, x]) => [k, { input: x.input, error: x.error, label: labels[k as keyof typeof f] }])),
      );
    }
  });
  return {
    title: 'Endre firma',
    content: [breadcrumbs(['/', 'Firmaer'], [`/firma/${encodeURIComponent(firm.id)}`, firm.name]), pageHeader('Endre firma'), card(null, form)],
  };
});

// ------------------------------------------------------------------ location

route(/^\/lokasjon\/([\w-]+)$/, async ({ params }) => {
  const id = params[0] ?? '';
  const loc = await api<LocationDetail>('GET', `/locations/${encodeURIComponent(id)}`);
  const lid = encodeURIComponent(loc.id);
  const info = card(
    'Lokasjonsinformasjon',
    details([
      ['Navn', loc.name],
      ['Gateadresse', loc.street],
      ['Postnummer', loc.postalCode],
      ['Poststed', loc.postalPlace],
      ['Kommune', loc.municipality],
      ['Mobilnummer', loc.mobile],
      ['Telefon', loc.phone],
      ['E-post', loc.email],
      ['Fasiliteter', loc.facilities.join(', ')],
      ['Behandlingstilbud', loc.treatments.join(', ')],
    ]),
    h('div', { class: 'card-actions' }, button('Endre', { variant: 'primary', onClick: () => navigate(`/lokasjon/${lid}/endre`) })),
  );
  const result = loc.booking.lastResult === 'success' ? 'Suksess' : loc.booking.lastResult === 'failure' ? 'Feil' : 'Ikke testet';
  const booking = card(
    'Online booking',
    details([
      ['Bookingsystem', loc.booking.systemName ?? 'Ikke satt opp'],
      ['Sist testet', formatDateTime(loc.booking.lastTestedAt)],
      ['Resultat', h('span', { class: `badge badge-${loc.booking.lastResult ?? 'untested'}` }, result)],
    ]),
    h('div', { class: 'card-actions' }, button('Endre', { variant: 'primary', onClick: () => navigate(`/lokasjon/${lid}/online-booking`) })),
  );
  const omBody = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Henter profiler fra bookingsystemet …'));
  const onlineManager = card('Online Manager', h('p', { class: 'muted' }, 'Koble hver behandler til riktig profil i bookingsystemet. Profiler uten ledige timer de neste 7 dagene vises ikke.'), omBody);
  void loadOnlineManager(loc.id, omBody);

  const people = card(
    'Personer',
    loc.people.length === 0
      ? h('p', { class: 'empty' }, 'Ingen personer registrert')
      : table(
          ['Navn', 'Rolle', { text: 'Handlinger', hidden: true }],
          loc.people.map((p) => [
            p.name,
            p.role,
            h(
              'span',
              { class: 'row-actions' },
              linkButton(`/lokasjon/${lid}/personer/${encodeURIComponent(p.id)}`, 'Se', 'info'),
              linkButton(`/lokasjon/${lid}/personer/${encodeURIComponent(p.id)}/endre`, 'Endre'),
            ),
          ]),
        ),
  );
  const invitations = card('Invitasjoner', h('p', null, 'Inviter behandlere til å knytte seg til lokasjonen.'), linkButton(`/lokasjon/${lid}/invitasjoner`, 'Inviter personer'));
  return {
    title: loc.name,
    content: [
      breadcrumbs(['/', 'Firmaer'], [`/firma/${encodeURIComponent(loc.firmId)}`, loc.firmName]),
      pageHeader(loc.name),
      h('div', { class: 'grid-2' }, info, h('div', null, booking, invitations)),
      onlineManager,
      people,
    ],
  };
});

async function loadOnlineManager(locationId: string, body: HTMLElement): Promise<void> {
  let om: OnlineManager;
  try {
    om = await api<OnlineManager>('GET', `/locations/${encodeURIComponent(locationId)}/online-manager`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return navigate('/logg-inn');
    clear(body);
    body.append(h('p', { class: 'alert alert-error', role: 'alert' }, 'Kunne ikke hente Online Manager. Prøv igjen senere.'));
    body.setAttribute('aria-busy', 'false');
    return;
  }
  clear(body);
  body.setAttribute('aria-busy', 'false');
  if (!om.bookingConfigured) {
    body.append(h('p', { class: 'empty' }, 'Online booking er ikke satt opp for denne lokasjonen.'));
    return;
  }
  if (om.practitioners.length === 0) {
    body.append(h('p', { class: 'empty' }, 'Ingen behandlere registrert på lokasjonen.'));
    return;
  }
  const selects: Array<[string, HTMLSelectElement]> = [];
  const rows = om.practitioners.map((p) => {
    const select = h(
      'select',
      { class: 'input', 'aria-label': `Profil for ${p.name}`, name: `profil-${p.personId}` },
      h('option', { value: '' }, 'Ingen profil valgt'),
      om.profiles.map((pr) => h('option', { value: pr.id }, pr.name)),
    );
    select.value = p.profileId !== null && om.profiles.some((x) => x.id === p.profileId) ? p.profileId : '';
    selects.push([p.personId, select]);
    return [p.name, select];
  });
  const status = h('p', { class: 'notice', role: 'status' });
  const save = button('Lagre koblinger', {
    variant: 'primary',
    onClick: async () => {
      status.textContent = '';
      setBusy(save, true, 'Lagrer …');
      try {
        await api('PUT', `/locations/${encodeURIComponent(locationId)}/online-manager`, {
          practitioners: selects.map(([personId, s]) => ({ personId, profileId: s.value === '' ? null : s.value })),
        });
        status.textContent = 'Koblingene er lagret';
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return navigate('/logg-inn');
        status.textContent = 'Noe gikk galt. Prøv igjen senere.';
      } finally {
        setBusy(save, false);
      }
    },
  });
  body.append(table(['Behandler', 'Profil i bookingsystemet'], rows), h('div', { class: 'card-actions' }, save, status));
}

// ------------------------------------------------------------------ location edit

route(/^\/lokasjon\/([\w-]+)\/endre$/, async ({ params }) => {
  const id = params[0] ?? '';
  const loc = await api<LocationDetail>('GET', `/locations/${encodeURIComponent(id)}`);
  const lid = encodeURIComponent(loc.id);
  const name = textField('Navn', 'name', loc.name);
  const street = textField('Gateadresse', 'street', loc.street, { autocomplete: 'address-line1' });
  const postalCode = textField('Postnummer', 'postalCode', loc.postalCode, { autocomplete: 'postal-code' });
  const postalPlace = textField('Poststed', 'postalPlace', loc.postalPlace, { autocomplete: 'address-level2' });
  const municipality = textField('Kommune', 'municipality', loc.municipality);
  const mobile = textField('Mobilnummer', 'mobile', loc.mobile, { type: 'tel', autocomplete: 'tel' });
  const phone = textField('Telefon', 'phone', loc.phone, { type: 'tel' });
  const email = textField('E-post', 'email', loc.email, { type: 'email', autocomplete: 'email' });
  const facilities = checkboxGroup('Fasiliteter', 'facilities', loc.options.facilities, loc.facilities);
  const treatments = checkboxGroup('Behandlingstilbud', 'treatments', loc.options.treatments, loc.treatments);

  const map = addressMap([street, postalCode, postalPlace, municipality].map((x) => x.input) as [HTMLInputElement, HTMLInputElement, HTMLInputElement, HTMLInputElement], loc);
  const summary = h('div', { hidden: true });
  const save = button('Lagre', { variant: 'primary', type: 'submit' });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': 'Endre lokasjon' },
    summary,
    name.wrap,
    h('div', { class: 'form-section' }, h('h2', { class: 'form-section-title' }, 'Adresse'), map, h('div', { class: 'grid-2 compact' }, street.wrap, postalCode.wrap, postalPlace.wrap, municipality.wrap)),
    h('div', { class: 'form-section' }, h('h2', { class: 'form-section-title' }, 'Kontakt'), h('div', { class: 'grid-3 compact' }, mobile.wrap, phone.wrap, email.wrap)),
    facilities.fieldset,
    treatments.fieldset,
    formActions(save, button('Avbryt', { onClick: () => navigate(`/lokasjon/${lid}`) })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setBusy(save, true, 'Lagrer …');
    try {
      await api('PUT', `/locations/${lid}`, {
        version: loc.version,
        name: name.input.value,
        street: street.input.value,
        postalCode: postalCode.input.value,
        postalPlace: postalPlace.input.value,
        municipality: municipality.input.value,
        mobile: mobile.input.value,
        phone: phone.input.value,
        email: email.input.value,
        facilities: facilities.values(),
        treatments: treatments.values(),
      });
      navigate(`/lokasjon/${lid}`);
    } catch (err) {
      setBusy(save, false);
      showSaveError(err, form, summary, {
        name: { input: name.input, error: name.error, label: 'Navn' },
        street: { input: street.input, error: street.error, label: 'Gateadresse' },
        postalCode: { input: postalCode.input, error: postalCode.error, label: 'Postnummer' },
        postalPlace: { input: postalPlace.input, error: postalPlace.error, label: 'Poststed' },
        municipality: { input: municipality.input, error: municipality.error, label: 'Kommune' },
        mobile: { input: mobile.input, error: mobile.error, label: 'Mobilnummer' },
        phone: { input: phone.input, error: phone.error, label: 'Telefon' },
        email: { input: email.input, error: email.error, label: 'E-post' },
        facilities: { error: facilities.error, label: 'Fasiliteter' },
        treatments: { error: treatments.error, label: 'Behandlingstilbud' },
      });
    }
  });
  return {
    title: 'Endre lokasjon',
    content: [
      breadcrumbs(['/', 'Firmaer'], [`/firma/${encodeURIComponent(loc.firmId)}`, loc.firmName], [`/lokasjon/${lid}`, loc.name]),
      pageHeader('Endre lokasjon'),
      card(null, form),
    ],
  };
});

/** The map box: a search field calling /api/adresser, a listbox of hits, and a (drawn) map with a marker. */
function addressMap(targets: [HTMLInputElement, HTMLInputElement, HTMLInputElement, HTMLInputElement], loc: LocationDetail): HTMLElement {
  const [street, postalCode, postalPlace, municipality] = targets;
  const searchId = uid('sok');
  const listId = uid('lb');
  const input = h('input', {
    id: searchId,
    type: 'search',
    class: 'input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    placeholder: 'F.eks. Storgata 1, Oslo',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'listbox', 'aria-label': 'Adresseforslag', hidden: true });
  const marker = h('div', { class: 'map-marker' }, h('span', { class: 'map-pin', 'aria-hidden': 'true' }), h('span', { class: 'map-marker-text' }, markerText(loc.street, loc.postalCode, loc.postalPlace)));
  const status = h('p', { class: 'sr-only', role: 'status' });
  let timer: number | undefined;
  let seq = 0;
  let hits: AddressHit[] = [];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (hit: AddressHit) => {
    street.value = hit.street;
    postalCode.value = hit.postalCode;
    postalPlace.value = hit.postalPlace;
    municipality.value = hit.municipality;
    for (const t of targets) t.dispatchEvent(new Event('input', { bubbles: true }));
    const mt = marker.querySelector('.map-marker-text');
    if (mt) mt.textContent = markerText(hit.street, hit.postalCode, hit.postalPlace);
    input.value = hit.text;
    close();
    status.textContent = `Valgt adresse: ${hit.text}`;
    input.focus();
  };
  const show = () => {
    clear(list);
    if (hits.length === 0) {
      list.append(h('li', { class: 'listbox-empty', role: 'presentation' }, 'Ingen treff'));
    }
    hits.forEach((hit, i) => {
      const opt = h('li', { role: 'option', id: `${listId}-${i}`, tabindex: '-1', 'aria-selected': 'false', class: 'listbox-option' }, hit.text);
      opt.addEventListener('click', () => choose(hit));
      opt.addEventListener('keydown', (ev) => {
        const k = (ev as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') {
          ev.preventDefault();
          choose(hit);
        } else if (k === 'ArrowDown') {
          ev.preventDefault();
          (opt.nextElementSibling as HTMLElement | null)?.focus();
        } else if (k === 'ArrowUp') {
          ev.preventDefault();
          ((opt.previousElementSibling as HTMLElement | null) ?? input).focus();
        } else if (k === 'Escape') {
          close();
          input.focus();
        }
      });
      opt.addEventListener('focus', () => {
        for (const o of list.querySelectorAll('[role="option"]')) o.setAttribute('aria-selected', 'false');
        opt.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', opt.id);
      });
      list.append(opt);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${hits.length} adresser funnet`;
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      close();
      return;
    }
    timer = window.setTimeout(async () => {
      const my = ++seq;
      try {
        const r = await api<{ results: AddressHit[] }>('GET', `/adresser?sok=${encodeURIComponent(q)}`);
        if (my !== seq) return;
        hits = r.results;
        show();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) navigate('/logg-inn');
      }
    }, 300);
  });
  input.addEventListener('keydown', (ev) => {
    const k = (ev as KeyboardEvent).key;
    if (k === 'ArrowDown' && !list.hidden) {
      ev.preventDefault();
      (list.querySelector('[role="option"]') as HTMLElement | null)?.focus();
    } else if (k === 'Enter') {
      ev.preventDefault(); // never submit the form from the search box
      const first = hits[0];
      if (!list.hidden && first && hits.length === 1) choose(first);
    } else if (k === 'Escape') {
      close();
    }
  });

  return h(
    'div',
    { role: 'region', 'aria-label': 'Kart', class: 'map' },
    h('div', { class: 'map-search' }, h('label', { for: searchId }, 'Søk etter adresse'), input, list, status),
    h('div', { class: 'map-canvas', 'aria-hidden': 'false' }, h('div', { class: 'map-roads', 'aria-hidden': 'true' }), marker, h('span', { class: 'map-attribution' }, '© Kartverket')),
    h('p', { class: 'hint' }, 'Skriv inn adressen i kartet og velg riktig treff i listen. Feltene under fylles ut automatisk.'),
  );
}

function markerText(street: string, postalCode: string, postalPlace: string): string {
  const s = [street, [postalCode, postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return s || 'Ingen adresse valgt';
}

// ------------------------------------------------------------------ online booking

route(/^\/lokasjon\/([\w-]+)\/online-booking$/, async ({ params }) => {
  const id = params[0] ?? '';
  const [loc, booking] = await Promise.all([
    api<LocationDetail>('GET', `/locations/${encodeURIComponent(id)}`),
    api<BookingInfo>('GET', `/locations/${encodeURIComponent(id)}/booking`),
  ]);
  const lid = encodeURIComponent(loc.id);
  const selId = uid('sel');
  const select = h('select', { id: selId, name: 'system', class: 'input' }, BOOKING_OPTIONS.map(([v, t]) => h('option', { value: v }, t)));
  select.value = booking.system ?? '';
  const selError = h('p', { class: 'field-error', hidden: true, id: `${selId}-err` });
  const clientId = textField('Klient-ID', 'clientId', booking.clientId);
  const key = textField('Teknisk nøkkel', 'key', '', {
    type: 'password',
    autocomplete: 'new-password',
    hint: booking.hasKey ? 'En nøkkel er lagret. La feltet stå tomt for å beholde den.' : 'Du får den tekniske nøkkelen fra leverandøren av bookingsystemet.',
    placeholder: booking.hasKey ? '••••••••' : '',
  });
  const requestArea = h('div', { class: 'field', hidden: true });
  const requestBtn = button('Forespør detaljer', {
    onClick: () => {
      const sys = BOOKING_OPTIONS.find(([v]) => v === select.value)?.[1] ?? 'bookingsystemet';
      const taId = uid('ta');
      const ta = h('textarea', { id: taId, class: 'input', rows: 9, readonly: true });
      ta.value = [
        'Hei,',
        '',
        `Vi ønsker å koble ${loc.name} til Behandlernettverk (DigiCare) via online booking i ${select.value ? sys : 'bookingsystemet vårt'}.`,
        'Kan dere aktivere integrasjonen og sende oss Klient-ID og teknisk nøkkel for lokasjonen?',
        'Vennligst bekreft også at tjenestene og kalenderne som skal være tilgjengelige for Behandlernettverk er klargjort.',
        '',
        `Lokasjon: ${loc.name}, ${[loc.street, loc.postalCode, loc.postalPlace].filter(Boolean).join(' ')}`,
        '',
        'Med vennlig hilsen',
        loc.firmName,
      ].join('\n');
      clear(requestArea);
      requestArea.append(h('label', { for: taId }, 'Forespørsel til leverandør'), ta);
      requestArea.hidden = false;
    },
  });
  const summary = h('div', { hidden: true });
  const save = button('Test og Lagre', { variant: 'primary', type: 'submit' });
  const logSection = h('section', { class: 'card', hidden: true, 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': 'Online booking' },
    summary,
    h('div', { class: 'field' }, h('label', { for: selId }, 'Bookingsystem'), select, selError),
    clientId.wrap,
    key.wrap,
    h('div', { class: 'inline-actions' }, requestBtn),
    requestArea,
    formActions(save, button('Avbryt', { onClick: () => navigate(`/lokasjon/${lid}`) })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setBusy(save, true, 'Tester tilkoblingen …');
    summary.hidden = true;
    try {
      const r = await api<{ success: boolean; log: LogLine[]; testedAt: string }>('POST', `/locations/${lid}/booking/test`, {
        system: select.value || null,
        clientId: clientId.input.value,
        key: key.input.value,
      });
      key.input.value = '';
      clear(logSection);
      const headingId = uid('h');
      logSection.setAttribute('aria-labelledby', headingId);
      logSection.append(
        h('h2', { id: headingId, class: 'card-title' }, 'Koblingslogg'),
        h('p', { class: 'muted small' }, `Testet ${formatDateTime(r.testedAt)}. Innstillingene er lagret.`),
        h(
          'pre',
          { class: `log ${r.success ? 'log-ok' : 'log-error'}` },
          r.log.map((l) => h('span', { class: `log-line log-${l.level.toLowerCase()}` }, l.text, '\n')),
        ),
      );
      logSection.hidden = false;
    } catch (err) {
      showSaveError(err, form, summary, {
        system: { input: select, error: selError, label: 'Bookingsystem' },
        clientId: { input: clientId.input, error: clientId.error, label: 'Klient-ID' },
        key: { input: key.input, error: key.error, label: 'Teknisk nøkkel' },
      });
    } finally {
      setBusy(save, false);
    }
  });
  return {
    title: 'Online booking',
    content: [
      breadcrumbs(['/', 'Firmaer'], [`/firma/${encodeURIComponent(loc.firmId)}`, loc.firmName], [`/lokasjon/${lid}`, loc.name]),
      pageHeader('Online booking'),
      card(null, h('p', { class: 'muted' }, 'Velg bookingsystem og skriv inn de tekniske nøklene fra leverandøren. «Test og Lagre» tester tilkoblingen og lagrer innstillingene.'), form),
      logSection,
    ],
  };
});

// ------------------------------------------------------------------ person

route(/^\/lokasjon\/([\w-]+)\/personer\/([\w-]+)$/, async ({ params }) => {
  const [lidRaw, pidRaw] = [params[0] ?? '', params[1] ?? ''];
  const p = await api<PersonDetail>('GET', `/locations/${encodeURIComponent(lidRaw)}/people/${encodeURIComponent(pidRaw)}`);
  const lid = encodeURIComponent(p.locationId);
  return {
    title: p.name,
    content: [
      breadcrumbs(['/', 'Firmaer'], [`/lokasjon/${lid}`, p.locationName]),
      pageHeader(p.name, linkButton(`/lokasjon/${lid}/personer/${encodeURIComponent(p.id)}/endre`, 'Endre')),
      card(
        'Behandlerprofil',
        details([
          ['Tittel', p.title],
          ['E-post', p.email],
          ['Telefon', p.phone],
          ['HPR-nummer', p.hpr],
          ['Lokasjon', p.locationName],
        ]),
        h('p', { class: 'muted small' }, `Rolle: ${p.role}`),
      ),
    ],
  };
});

route(/^\/lokasjon\/([\w-]+)\/personer\/([\w-]+)\/endre$/, async ({ params }) => {
  const [lidRaw, pidRaw] = [params[0] ?? '', params[1] ?? ''];
  const p = await api<PersonDetail>('GET', `/locations/${encodeURIComponent(lidRaw)}/people/${encodeURIComponent(pidRaw)}`);
  const lid = encodeURIComponent(p.locationId);
  const pid = encodeURIComponent(p.id);
  const title = textField('Tittel', 'title', p.title);
  const phone = textField('Telefon', 'phone', p.phone, { type: 'tel' });
  const summary = h('div', { hidden: true });
  const save = button('Lagre', { variant: 'primary', type: 'submit' });
  const del = button('Slett', { variant: 'danger', onClick: () => openDeleteDialog(p, del) });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': 'Endre person' },
    summary,
    h('p', null, h('strong', null, p.name), ' · ', p.email),
    title.wrap,
    phone.wrap,
    formActions(save, button('Avbryt', { onClick: () => navigate(`/lokasjon/${lid}`) }), h('span', { class: 'spacer' }), del),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setBusy(save, true, 'Lagrer …');
    try {
      await api('PUT', `/locations/${lid}/people/${pid}`, { version: p.version, title: title.input.value, phone: phone.input.value });
      navigate(`/lokasjon/${lid}/personer/${pid}`);
    } catch (err) {
      setBusy(save, false);
      showSaveError(err, form, summary, {
        title: { input: title.input, error: title.error, label: 'Tittel' },
        phone: { input: phone.input, error: phone.error, label: 'Telefon' },
      });
    }
  });
  return {
    title: 'Endre person',
    content: [breadcrumbs(['/', 'Firmaer'], [`/lokasjon/${lid}`, p.locationName]), pageHeader('Endre person'), card(null, form)],
  };
});

function openDeleteDialog(p: PersonDetail, opener: HTMLButtonElement): void {
  const titleId = uid('dlg');
  const error = h('p', { class: 'field-error', hidden: true });
  const close = () => {
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    opener.focus();
  };
  const yes = button('Ja', {
    variant: 'danger',
    onClick: async () => {
      setBusy(yes, true);
      try {
        await api('DELETE', `/locations/${encodeURIComponent(p.locationId)}/people/${encodeURIComponent(p.id)}`);
        backdrop.remove();
        document.removeEventListener('keydown', onKey, true);
        navigate(`/lokasjon/${encodeURIComponent(p.locationId)}`);
      } catch (err) {
        setBusy(yes, false);
        if (err instanceof ApiError && err.status === 401) {
          close();
          navigate('/logg-inn');
          return;
        }
        error.textContent = 'Noe gikk galt. Prøv igjen senere.';
        error.hidden = false;
        error.setAttribute('role', 'alert');
      }
    },
  });
  const no = button('Nei', { onClick: close });
  const dialog = h(
    'div',
    { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, class: 'dialog' },
    h('h2', { id: titleId, class: 'dialog-title' }, `Vil du fjerne ${p.name} fra lokasjonen?`),
    h('p', { class: 'muted' }, 'Personen vil ikke lenger motta forsikringsoppdrag via denne lokasjonen.'),
    error,
    h('div', { class: 'dialog-actions' }, no, yes),
  );
  const backdrop = h('div', { class: 'dialog-backdrop' }, dialog);
  function onKey(ev: KeyboardEvent): void {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    } else if (ev.key === 'Tab') {
      const order = [no, yes];
      const i = order.indexOf(document.activeElement as HTMLButtonElement);
      ev.preventDefault();
      order[(i + (ev.shiftKey ? order.length - 1 : 1)) % order.length]?.focus();
    }
  }
  document.addEventListener('keydown', onKey, true);
  document.body.append(backdrop);
  no.focus();
}

// ------------------------------------------------------------------ invitations

route(/^\/lokasjon\/([\w-]+)\/invitasjoner$/, async ({ params }) => {
  const id = params[0] ?? '';
  const [loc, invitations] = await Promise.all([
    api<LocationDetail>('GET', `/locations/${encodeURIComponent(id)}`),
    api<Invitation[]>('GET', `/locations/${encodeURIComponent(id)}/invitations`),
  ]);
  const lid = encodeURIComponent(loc.id);
  const email = textField('E-post', 'email', '', { autocomplete: 'email', hint: 'Personen får en e-post med en lenke for å knytte seg til lokasjonen.' });
  const status = h('p', { class: 'notice', role: 'status' });
  const summary = h('div', { hidden: true });
  const send = button('Inviter personer', { variant: 'primary', type: 'submit' });
  const tbody = h('tbody');
  const renderRows = (list: Invitation[]) => {
    clear(tbody);
    if (list.length === 0) tbody.append(h('tr', null, h('td', { colspan: '3', class: 'empty' }, 'Ingen invitasjoner er sendt')));
    for (const i of list) tbody.append(h('tr', null, h('td', null, i.email), h('td', null, formatDateTime(i.sentAt)), h('td', null, i.status)));
  };
  renderRows(invitations);
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Inviter personer' }, summary, email.wrap, formActions(send), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.textContent = '';
    setBusy(send, true, 'Sender …');
    try {
      const r = await api<{ message: string; invitation: Invitation }>('POST', `/locations/${lid}/invitations`, { email: email.input.value });
      status.textContent = r.message;
      email.input.value = '';
      summary.hidden = true;
      email.error.hidden = true;
      email.error.textContent = '';
      email.error.removeAttribute('role');
      email.input.removeAttribute('aria-invalid');
      renderRows(await api<Invitation[]>('GET', `/locations/${lid}/invitations`));
    } catch (err) {
      showSaveError(err, form, summary, { email: { input: email.input, error: email.error, label: 'E-post' } });
    } finally {
      setBusy(send, false);
    }
  });
  return {
    title: 'Invitasjoner',
    content: [
      breadcrumbs(['/', 'Firmaer'], [`/firma/${encodeURIComponent(loc.firmId)}`, loc.firmName], [`/lokasjon/${lid}`, loc.name]),
      pageHeader('Invitasjoner'),
      card(null, form),
      card(
        'Sendte invitasjoner',
        h('table', { class: 'table' }, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'E-post'), h('th', { scope: 'col' }, 'Sendt'), h('th', { scope: 'col' }, 'Status'))), tbody),
      ),
    ],
  };
});

// ------------------------------------------------------------------ login

route(/^\/logg-inn$/, async () => {
  const btn = button('Logg inn', {
    variant: 'primary',
    onClick: async () => {
      setBusy(btn, true, 'Logger inn …');
      try {
        const me = await api<{ name: string; email: string }>('POST', '/login', {});
        window.dispatchEvent(new CustomEvent('bn:me', { detail: me }));
        navigate('/');
      } catch {
        setBusy(btn, false);
      }
    },
  });
  return {
    title: 'Logg inn',
    content: [
      h(
        'div',
        { class: 'login' },
        card(
          null,
          h('h1', null, 'Logg inn'),
          h('p', null, 'Økten din er utløpt, eller du er ikke logget inn. Logg inn for å fortsette.'),
          h('p', { class: 'muted small' }, 'Innlogging skjer med BankID via ID-porten.'),
          btn,
        ),
      ),
    ],
  };
});

setNotFound(async () => {
  throw new ApiError(404, 'Fant ikke siden');
});
