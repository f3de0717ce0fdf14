// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADRESSER,
  GUARANTEED_ADDRESSES,
  KOMMUNER,
  POSTNUMMER,
  POSTNUMMER_BY_CODE,
  POSTNUMMER_FLERE_KOMMUNER,
  searchAddresses,
} from './index.ts';
import {
  AdresseSchema,
  KartverketErrorSchema,
  PunktsokResponseSchema,
  SokResponseSchema,
  getJson,
  startServer,
} from './testkit.ts';
import type { TestServer } from './testkit.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

async function sok(query: string) {
  const r = await getJson(`${srv.base}/adresser/v1/sok?${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return SokResponseSchema.parse(r.body);
}

async function bad(path: string) {
  const r = await getJson(`${srv.base}${path}`);
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return KartverketErrorSchema.parse(r.body);
}

describe('data set', () => {
  it('every address matches the documented address shape', () => {
    for (const a of ADRESSER) AdresseSchema.parse(a);
    expect(ADRESSER.length).toBeGreaterThan(300);
  });

  it('addresses are unique and lie in Norway', () => {
    const keys = new Set(ADRESSER.map((a) => `${a.kommunenummer}|${a.adressenavn}|${a.nummer}|${a.bokstav}`));
    expect(keys.size).toBe(ADRESSER.length);
    for (const a of ADRESSER) {
      expect(a.representasjonspunkt.lat).toBeGreaterThan(57.9);
      expect(a.representasjonspunkt.lat).toBeLessThan(71.2);
      expect(a.representasjonspunkt.lon).toBeGreaterThan(4.5);
      expect(a.representasjonspunkt.lon).toBeLessThan(31.2);
      expect(a.adressetekst).toBe(`${a.adressenavn} ${a.nummer}${a.bokstav}`);
    }
  });

  it('contains the required streets and towns', () => {
    const kj = ADRESSER.filter((a) => a.adressenavn === 'Karl Johans gate' && a.bokstav === '');
    expect(kj.map((a) => a.nummer)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(kj.map((a) => a.postnummer))).toEqual(new Set(['0154', '0159', '0162']));
    const storgata = new Set(ADRESSER.filter((a) => a.adressenavn === 'Storgata').map((a) => a.kommunenummer));
    expect(storgata.size).toBeGreaterThanOrEqual(8);
    for (const name of ['Bryggen', 'Olav Tryggvasons gate', 'Kirkegata', 'Strandgata', 'Dronningens gate', 'Myrvollveien']) {
      expect(ADRESSER.some((a) => a.adressenavn === name), name).toBe(true);
    }
    expect(ADRESSER.filter((a) => a.bokstav !== '').length).toBeGreaterThan(20);
    const kommuner = new Set(ADRESSER.map((a) => a.kommunenummer));
    for (const k of ['0301', '4601', '5001', '1103', '5501', '4204', '3301', '3207', '3201', '3203', '3205']) expect(kommuner.has(k), k).toBe(true);
  });

  it('uses 2024 municipality numbers and names consistently with the postal table', () => {
    expect(KOMMUNER['3301']).toBe('DRAMMEN');
    expect(KOMMUNER['3207']).toBe('NORDRE FOLLO');
    expect(KOMMUNER['4601']).toBe('BERGEN');
    for (const a of ADRESSER) {
      expect(KOMMUNER[a.kommunenummer]).toBe(a.kommunenavn);
      const p = POSTNUMMER_BY_CODE.get(a.postnummer);
      expect(p, a.postnummer).toBeDefined();
      expect(p?.poststed).toBe(a.poststed);
      expect(['G', 'B', 'F']).toContain(p?.kategori); // P and S are never visiting addresses
      const kommuner = POSTNUMMER_FLERE_KOMMUNER[a.postnummer] ?? [p?.kommunenummer];
      expect(kommuner).toContain(a.kommunenummer);
    }
  });

  it('has a postal code spanning two municipalities', () => {
    const inCode = ADRESSER.filter((a) => a.postnummer === '1407');
    expect(new Set(inCode.map((a) => a.kommunenummer))).toEqual(new Set(['3218', '3207']));
  });

  it('postal table rows are well formed and unique', () => {
    expect(new Set(POSTNUMMER.map((p) => p.postnummer)).size).toBe(POSTNUMMER.length);
    for (const p of POSTNUMMER) {
      expect(p.postnummer).toMatch(/^\d{4}$/);
      expect(p.poststed).toBe(p.poststed.toUpperCase());
      expect(p.kommunenavn).toBe(KOMMUNER[p.kommunenummer]);
      expect(['G', 'P', 'B', 'S', 'F']).toContain(p.kategori);
    }
    for (const k of ['G', 'P', 'B', 'S', 'F']) expect(POSTNUMMER.some((p) => p.kategori === k), k).toBe(true);
  });
});

describe('GET /adresser/v1/sok', () => {
  it('reproduces the documented example (Myrvollveien 5C)', async () => {
    const r = await sok('sok=myrvollveien%205c');
    expect(r.metadata).toEqual({
      totaltAntallTreff: 1,
      treffPerSide: 10,
      side: 0,
      viserFra: 0,
      viserTil: 10,
      sokeStreng: 'sok=myrvollveien%205c',
      asciiKompatibel: true,
    });
    expect(r.adresser[0]).toMatchObject({
      adressenavn: 'Myrvollveien',
      adressetekst: 'Myrvollveien 5C',
      nummer: 5,
      bokstav: 'C',
      postnummer: '1415',
      poststed: 'OPPEGÅRD',
      kommunenummer: '3207',
      kommunenavn: 'NORDRE FOLLO',
      objtype: 'Vegadresse',
      representasjonspunkt: { epsg: 'EPSG:4258', lat: 59.785, lon: 10.799 },
      adressekode: 25440,
      gardsnummer: 243,
      bruksnummer: 898,
      festenummer: 0,
      undernummer: null,
      bruksenhetsnummer: [],
      adressetilleggsnavn: null,
      stedfestingverifisert: true,
      oppdateringsdato: '2024-01-01T00:00:00',
    });
  });

  it('finds Karl Johans gate 1 (the article example) first', async () => {
    const r = await sok('sok=Karl%20Johans%20gate%201');
    expect(r.adresser[0]).toMatchObject({ adressetekst: 'Karl Johans gate 1', postnummer: '0154', poststed: 'OSLO', kommunenummer: '0301' });
    expect(r.adresser.every((a) => a.nummer === 1)).toBe(true);
  });

  it('free text: street prefix, number+letter, postal code, postal place', async () => {
    expect((await sok('sok=karl%20joh')).metadata.totaltAntallTreff).toBe(42);
    expect((await sok('sok=storgata%2036b%20troms%C3%B8')).adresser.map((a) => a.adressetekst)).toEqual(['Storgata 36B']);
    expect((await sok('sok=storgata%2036%20b%20tromso')).adresser.map((a) => a.adressetekst)).toEqual(['Storgata 36B']);
    const kj0159 = await sok('sok=karl%20johans%20gate%200159&treffPerSide=100');
    expect(kj0159.adresser.length).toBeGreaterThan(5);
    expect(kj0159.adresser.every((a) => a.postnummer === '0159')).toBe(true);
    const lillestrom = await sok('sok=storgata%20lillestr%C3%B8m&treffPerSide=100');
    expect(lillestrom.adresser.every((a) => a.poststed === 'LILLESTRØM')).toBe(true);
    const kommune = await sok('sok=storgata%201%20nordre%20follo');
    expect(kommune.metadata.totaltAntallTreff).toBe(0);
    const bergen = await sok('sok=bryggen%20bergen&treffPerSide=50');
    expect(bergen.metadata.totaltAntallTreff).toBe(26);
  });

  it('is case and diacritics insensitive', async () => {
    const a = await sok('sok=GR%C3%98NNEGATA%202A%20TROMS%C3%98');
    const b = await sok('sok=gronnegata%202a%20tromso');
    expect(a.adresser.map((x) => x.adressetekst)).toEqual(['Grønnegata 2A']);
    expect(b.adresser).toEqual(a.adresser);
    const c = await sok('sok=r%C3%A5dmann%20halmrasts%20vei%206');
    const d = await sok('sok=radmann%20halmrasts%20vei%206');
    expect(c.adresser[0]?.adressetekst).toBe('Rådmann Halmrasts vei 6');
    expect(d.adresser).toEqual(c.adresser);
    const e = await sok('sok=claude%20monets%20alle%201');
    expect(e.adresser[0]?.adressetekst).toBe('Claude Monets allé 1');
  });

  it('fuzzy=true tolerates abbreviations and typos; fuzzy=false does not', async () => {
    expect((await sok('sok=karl%20johans%20gt%201')).metadata.totaltAntallTreff).toBe(0);
    const f = await sok('sok=karl%20johans%20gt%201&fuzzy=true');
    expect(f.adresser[0]?.adressetekst).toBe('Karl Johans gate 1');
    expect(f.metadata.sokeStreng).toBe('sok=karl%20johans%20gt%201');
    const typo = await sok('sok=karl%20johnas%20gate%201&fuzzy=true');
    expect(typo.adresser[0]?.adressetekst).toBe('Karl Johans gate 1');
    const vn = await sok('sok=myrvollvn%205c&fuzzy=true');
    expect(vn.adresser[0]?.adressetekst).toBe('Myrvollveien 5C');
  });

  it('supports the "*" wildcard in sok and in field parameters', async () => {
    expect((await sok('sok=olav%20trygg*%2024')).adresser[0]?.adressetekst).toBe('Olav Tryggvasons gate 24');
    const r = await sok('adressenavn=*strandgat*&treffPerSide=1000');
    expect(new Set(r.adresser.map((a) => a.adressenavn))).toEqual(new Set(['Strandgata', 'Strandgaten', 'Vestre Strandgate']));
  });

  it('structured parameters filter exactly', async () => {
    const r = await sok('adressenavn=Karl%20Johans%20gate&nummer=12&treffPerSide=100');
    expect(r.adresser.map((a) => a.adressetekst)).toEqual(['Karl Johans gate 12', 'Karl Johans gate 12A', 'Karl Johans gate 12B']);
    const noLetter = await sok('adressenavn=Karl%20Johans%20gate&nummer=12&bokstav=');
    expect(noLetter.adresser.map((a) => a.adressetekst)).toEqual(['Karl Johans gate 12']);
    const letter = await sok('adressenavn=karl%20johans%20gate&nummer=12&bokstav=b');
    expect(letter.adresser.map((a) => a.adressetekst)).toEqual(['Karl Johans gate 12B']);
    const storgata = await sok('adressenavn=Storgata&kommunenummer=5501&nummer=1');
    expect(storgata.adresser.map((a) => `${a.adressetekst} ${a.poststed}`)).toEqual(['Storgata 1 TROMSØ']);
    const byName = await sok('adressenavn=Storgata&kommunenavn=troms%C3%B8&nummer=1');
    expect(byName.adresser).toEqual(storgata.adresser);
    const post = await sok('postnummer=1415&treffPerSide=100');
    expect(post.adresser.every((a) => a.postnummer === '1415' && a.poststed === 'OPPEGÅRD')).toBe(true);
    const place = await sok('poststed=kristiansand%20s&treffPerSide=1');
    expect(place.adresser[0]?.poststed).toBe('KRISTIANSAND S');
    const combined = await sok('sok=dronningens%20gate%2010&kommunenummer=5001');
    expect(combined.adresser.map((a) => a.postnummer)).toEqual(['7011']);
    expect((await sok('objtype=Matrikkeladresse&postnummer=1415')).metadata.totaltAntallTreff).toBe(0);
  });

  it('sokemodus=OR returns addresses matching any token', async () => {
    const and = await sok('sok=bryggen%20torgallmenningen');
    const or = await sok('sok=bryggen%20torgallmenningen&sokemodus=OR&treffPerSide=100');
    expect(and.metadata.totaltAntallTreff).toBe(0);
    expect(new Set(or.adresser.map((a) => a.adressenavn))).toEqual(new Set(['Bryggen', 'Torgallmenningen']));
  });

  it('paginates with 0-based side and the documented metadata', async () => {
    const all = await sok('adressenavn=Karl%20Johans%20gate&treffPerSide=1000');
    expect(all.metadata.totaltAntallTreff).toBe(42);
    const seen: string[] = [];
    for (let side = 0; side < 5; side++) {
      const page = await sok(`adressenavn=Karl%20Johans%20gate&treffPerSide=10&side=${side}`);
      expect(page.metadata).toMatchObject({ totaltAntallTreff: 42, treffPerSide: 10, side, viserFra: side * 10, viserTil: side * 10 + 10 });
      expect(page.adresser.length).toBe(side < 4 ? 10 : 2);
      seen.push(...page.adresser.map((a) => a.adressetekst));
    }
    expect(seen).toEqual(all.adresser.map((a) => a.adressetekst));
    const beyond = await sok('adressenavn=Karl%20Johans%20gate&treffPerSide=10&side=7');
    expect(beyond.adresser).toEqual([]);
    expect(beyond.metadata.totaltAntallTreff).toBe(42);
    expect((await sok('sok=storgata')).adresser.length).toBe(10); // default treffPerSide
  });

  it('returns the empty result shape', async () => {
    const r = await sok('sok=finnesikkeveien%20999');
    expect(r).toEqual({
      metadata: { totaltAntallTreff: 0, treffPerSide: 10, side: 0, viserFra: 0, viserTil: 10, sokeStreng: 'sok=finnesikkeveien%20999', asciiKompatibel: true },
      adresser: [],
    });
  });

  it('utkoordsys=25833 returns UTM33 northing/easting in lat/lon', async () => {
    const r = await sok('sok=karl%20johans%20gate%201&utkoordsys=25833');
    const p = r.adresser[0]?.representasjonspunkt;
    expect(p?.epsg).toBe('EPSG:25833');
    expect(p?.lat).toBeGreaterThan(6_640_000);
    expect(p?.lat).toBeLessThan(6_660_000);
    expect(p?.lon).toBeGreaterThan(255_000);
    expect(p?.lon).toBeLessThan(270_000);
    const r32 = await sok('sok=karl%20johans%20gate%201&utkoordsys=25832');
    expect(r32.adresser[0]?.representasjonspunkt.lon).toBeGreaterThan(590_000);
  });

  it('echoes asciiKompatibel and honours filtrer', async () => {
    expect((await sok('sok=bryggen&asciiKompatibel=false')).metadata.asciiKompatibel).toBe(false);
    const r = await getJson(`${srv.base}/adresser/v1/sok?sok=bryggen%201&filtrer=adresser.adressetekst,adresser.representasjonspunkt,metadata.totaltAntallTreff`);
    expect(r.body).toEqual({
      metadata: { totaltAntallTreff: 1 },
      adresser: [{ adressetekst: 'Bryggen 1', representasjonspunkt: expect.objectContaining({ epsg: 'EPSG:4258' }) as unknown }],
    });
  });

  it('answers 400 with a JSON error body for bad parameters', async () => {
    for (const q of [
      'sok=x&treffPerSide=abc',
      'sok=x&treffPerSide=0',
      'sok=x&treffPerSide=1001',
      'sok=x&side=-1',
      'sok=x&treffPerSide=1000&side=10',
      'sok=x&utkoordsys=1234',
      'sok=x&fuzzy=ja',
      'sok=x&sokemodus=XOR',
      'postnummer=154',
      'kommunenummer=301',
      'nummer=1a',
      'bokstav=AB',
      '',
      'treffPerSide=10',
    ]) {
      const e = await bad(`/adresser/v1/sok?${q}`);
      expect(e.code).toBe(400);
    }
  });
});

describe('GET /adresser/v1/punktsok', () => {
  it('returns the nearest addresses first, with distances', async () => {
    const r = await getJson(`${srv.base}/adresser/v1/punktsok?lat=59.785&lon=10.799&radius=60`);
    expect(r.status).toBe(200);
    const body = PunktsokResponseSchema.parse(r.body);
    expect(body.adresser[0]).toMatchObject({ adressetekst: 'Myrvollveien 5C', meterDistanseTilPunkt: 0 });
    const d = body.adresser.map((a) => a.meterDistanseTilPunkt);
    expect(d).toEqual([...d].sort((x, y) => x - y));
    expect(d.every((x) => x <= 60)).toBe(true);
    const none = PunktsokResponseSchema.parse((await getJson(`${srv.base}/adresser/v1/punktsok?lat=60&lon=5&radius=10`)).body);
    expect(none.metadata.totaltAntallTreff).toBe(0);
  });

  it('requires lat, lon and an integer radius', async () => {
    await bad('/adresser/v1/punktsok?lat=59.785&lon=10.799');
    await bad('/adresser/v1/punktsok?lat=59.785&radius=10');
    await bad('/adresser/v1/punktsok?lat=abc&lon=10.799&radius=10');
    await bad('/adresser/v1/punktsok?lat=59.785&lon=10.799&radius=10.5');
  });
});

describe('searchAddresses (in-process)', () => {
  it.each(GUARANTEED_ADDRESSES.map((g) => [g.query, g] as const))('%s', (query, g) => {
    const [first] = searchAddresses(query, 5);
    expect(first).toMatchObject({ adressetekst: g.adressetekst, postnummer: g.postnummer, poststed: g.poststed, kommunenummer: g.kommunenummer });
  });

  it('respects the limit, returns copies and handles empty input', () => {
    expect(searchAddresses('storgata', 3)).toHaveLength(3);
    expect(searchAddresses('storgata')).toHaveLength(10);
    expect(searchAddresses('   ')).toEqual([]);
    expect(searchAddresses('qwertyuiop 77')).toEqual([]);
    const [a] = searchAddresses('karl johans gate 1', 1);
    if (a) a.poststed = 'CHANGED';
    expect(searchAddresses('karl johans gate 1', 1)[0]?.poststed).toBe('OSLO');
  });
});
