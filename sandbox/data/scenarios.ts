/**
 * Named scenarios. Each builder returns a fresh, deterministic object graph (callers may mutate it).
 *  - default: the seed with deliberate problems (sandbox/README.md lists them)
 *  - healthy: the same admin, everything in order
 *  - empty:   an admin with no firms
 *  - scale:   >= 100 locations across 12 firms, deterministic, mostly healthy (for benchmarks)
 *  - hostile: default + a firm/location/person whose names are HTML/script injection attempts
 */
import { STANDARD_SERVICES, booking, firm, location, makeOrgnr, person, pr, setup } from './builders.ts';
import { ADMIN, defaultScenario } from './seed.ts';
import { FACILITIES, TREATMENTS, type Firm, type Location, type Person, type Scenario, type VendorSetup } from './types.ts';

export const SCENARIO_NAMES = ['default', 'healthy', 'empty', 'scale', 'hostile'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export function buildScenario(name: string): Scenario {
  switch (name) {
    case 'default':
      return defaultScenario();
    case 'healthy':
      return healthyScenario();
    case 'empty':
      return { name: 'empty', admin: { ...ADMIN }, firms: [], locations: [], people: [], vendorSetups: [] };
    case 'scale':
      return scaleScenario();
    case 'hostile':
      return hostileScenario();
    default:
      throw new Error(`Unknown scenario: ${name}`);
  }
}

/** Everything in order: the default seed's healthy firms, with the broken parts repaired. */
function healthyScenario(): Scenario {
  const d = defaultScenario();
  const keepFirms = new Set(['f-1001', 'f-1004', 'f-1006']);
  const firms: Firm[] = d.firms.filter((f) => keepFirms.has(f.id));
  for (const f of firms) {
    for (const k of Object.keys(f.agreements) as Array<keyof Firm['agreements']>) f.agreements[k] = 'active';
  }
  const locations: Location[] = d.locations.filter((l) => l.id === 'l-2001' || l.id === 'l-2011');
  const people: Person[] = d.people.filter((p) => ['p-3000', 'p-3001', 'p-3002', 'p-3003', 'p-3004', 'p-3025', 'p-3026', 'p-3027'].includes(p.id));
  const l2001 = locations.find((l) => l.id === 'l-2001');
  if (l2001) l2001.links = { 'p-3001': 'pr-10451-1', 'p-3002': 'pr-10451-2', 'p-3003': 'pr-10451-3', 'p-3004': 'pr-10451-4' };
  const vendorSetups: VendorSetup[] = [
    setup('PHY-10451', 'physica', 'k7Qe-19fA-physica', [
      pr('pr-10451-1', 'Ingrid Ødegård', 12),
      pr('pr-10451-2', 'Lars Bjørnstad', 8),
      pr('pr-10451-3', 'Ola Nordmann', 5),
      pr('pr-10451-4', 'Per Hansen', 6),
    ]),
    ...d.vendorSetups.filter((v) => v.id === 'eg-51337'),
  ];
  return { name: 'healthy', admin: { ...ADMIN }, firms, locations, people, vendorSetups };
}

const FIRST = ['Anne', 'Bjørn', 'Cecilie', 'Dag', 'Eva', 'Frode', 'Gunn', 'Håkon', 'Ida', 'Jørgen', 'Kjersti', 'Leif', 'Mari', 'Nora', 'Ørjan', 'Pål', 'Ragnhild', 'Stian', 'Tone', 'Åse'];
const LAST = ['Aasen', 'Bakken', 'Dahl', 'Eide', 'Foss', 'Gundersen', 'Haugen', 'Johansen', 'Karlsen', 'Lunde', 'Moen', 'Næss', 'Olsen', 'Pedersen', 'Røed', 'Sørensen', 'Tveit', 'Vik', 'Ødegaard', 'Årdal'];
const CITIES: Array<[string, string, string, string]> = [
  ['Oslo', 'Karl Johans gate', '0154', 'OSLO'],
  ['Bergen', 'Strandgaten', '5013', 'BERGEN'],
  ['Trondheim', 'Munkegata', '7011', 'TRONDHEIM'],
  ['Stavanger', 'Kirkegata', '4006', 'STAVANGER'],
  ['Tromsø', 'Storgata', '9008', 'TROMSØ'],
  ['Kristiansand', 'Markens gate', '4611', 'KRISTIANSAND'],
];

function scaleScenario(): Scenario {
  const firms: Firm[] = [];
  const locations: Location[] = [];
  const people: Person[] = [];
  const vendorSetups: VendorSetup[] = [];
  let pCounter = 5000;
  for (let f = 0; f < 12; f++) {
    const city = CITIES[f % CITIES.length]!;
    const firmId = `f-${9000 + f}`;
    firms.push(
      firm({
        id: firmId,
        name: `Fysio ${city[0]} ${f + 1} AS`,
        orgnr: makeOrgnr(f + 1),
        type: f % 3 === 0 ? 'shared-location' : 'co-invoicing',
        website: f % 4 === 3 ? '' : `https://fysio-${f + 1}.example.no`,
        invoiceEmail: f % 5 === 4 ? '' : `faktura@fysio-${f + 1}.example.no`,
        phone: `22 ${String(10 + f).padStart(2, '0')} 00 00`,
        address: `${city[1]} ${f + 1}, ${city[2]} ${city[3]}`,
      }),
    );
    for (let l = 0; l < 9; l++) {
      const idx = f * 9 + l;
      const locId = `l-${9000 + idx}`;
      const clientId = `SCALE-${idx}`;
      const loc = location({
        id: locId,
        firmId,
        name: `Fysio ${city[0]} avdeling ${l + 1} (${f + 1})`,
        street: `${city[1]} ${l + 1}`,
        postalCode: city[2],
        postalPlace: city[3],
        municipality: city[3],
        mobile: `9${String(1000000 + idx * 17).slice(-7)}`,
        phone: '',
        email: `avd${l + 1}@fysio-${f + 1}.example.no`,
        facilities: FACILITIES.filter((_, i) => (i + idx) % 3 !== 0),
        treatments: TREATMENTS.filter((_, i) => (i + idx) % 4 === 0),
        booking: booking('aspit', clientId, `key-${idx}`),
      });
      const prs = [];
      for (let p = 0; p < 3; p++) {
        const id = `p-${pCounter++}`;
        const name = `${FIRST[(idx + p) % FIRST.length]} ${LAST[(idx * 3 + p) % LAST.length]}`;
        people.push(person(id, locId, name, p === 0 ? 'Manuellterapeut' : 'Fysioterapeut'));
        const prId = `pr-${idx}-${p}`;
        prs.push(pr(prId, name, idx % 7 === 0 && p === 2 ? 0 : 3 + p));
        loc.links[id] = prId;
      }
      locations.push(loc);
      vendorSetups.push(setup(clientId, 'physica', `key-${idx}`, prs, { mode: idx % 11 === 5 ? 'no-known-service' : 'ok', services: STANDARD_SERVICES }));
    }
  }
  return { name: 'scale', admin: { ...ADMIN }, firms, locations, people, vendorSetups };
}

function hostileScenario(): Scenario {
  const s = defaultScenario();
  s.name = 'hostile';
  s.firms.push(
    firm({
      id: 'f-6666',
      name: '<img src=x onerror=alert(1)> Fysio AS',
      orgnr: '998877660',
      type: 'co-invoicing',
      // A hostile value the sandbox must display as text and never turn into a link.
      website: ['javascript', 'alert(document.cookie)'].join(':'),
      invoiceEmail: '"><script>alert(2)</script>@example.no',
      phone: '<b>22 00 00 00</b>',
      address: '<svg onload=alert(3)>, 0150 OSLO',
    }),
  );
  s.locations.push(
    location({
      id: 'l-6666',
      firmId: 'f-6666',
      name: '<script>alert("lokasjon")</script>',
      street: '<img src=x onerror=alert(4)>',
      postalCode: '0150',
      postalPlace: 'OSLO',
      municipality: 'OSLO',
      mobile: '<i>900 00 000</i>',
      phone: '',
      email: 'x@example.no',
      facilities: ['<b>Treningssal</b>'],
      treatments: [],
    }),
  );
  s.people.push(person('p-6666', 'l-6666', '<img src=x onerror=alert(5)>', '<u>Fysioterapeut</u>'));
  return s;
}
