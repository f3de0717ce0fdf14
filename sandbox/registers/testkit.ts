/**
 * Test helpers: zod schemas mirroring the documented shapes of the real APIs, and a tiny server harness.
 * Only imported by *.test.ts files.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createRegistersHandler } from './index.ts';
import type { RegistersHandlerOptions } from './index.ts';

// ------------------------------------------------------------------ Kartverket (ws.geonorge.no/adresser/v1)

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
const upper = z.string().min(1).refine((s) => s === s.toUpperCase(), 'must be UPPER CASE');

export const RepresentasjonspunktSchema = z.strictObject({
  epsg: z.string().regex(/^EPSG:\d+$/),
  lat: z.number(),
  lon: z.number(),
});

/** One element of `adresser` (OutputAdresse). Strict: an unknown field fails the test. */
export const AdresseSchema = z.strictObject({
  adressenavn: z.string().min(1),
  adressetekst: z.string().min(1),
  adressetekstutenadressetilleggsnavn: z.string().min(1),
  adressekode: z.number().int().nonnegative(),
  nummer: z.number().int().nonnegative(),
  bokstav: z.string().max(1),
  postnummer: z.string().regex(/^\d{4}$/),
  poststed: upper,
  kommunenummer: z.string().regex(/^\d{4}$/),
  kommunenavn: upper,
  gardsnummer: z.number().int().nonnegative(),
  bruksnummer: z.number().int().nonnegative(),
  festenummer: z.number().int().nonnegative(),
  undernummer: z.number().int().nullable(),
  bruksenhetsnummer: z.array(z.string().regex(/^[HKLU]\d{4}$/)),
  objtype: z.literal('Vegadresse'),
  adressetilleggsnavn: z.string().nullable(),
  stedfestingverifisert: z.boolean(),
  representasjonspunkt: RepresentasjonspunktSchema,
  oppdateringsdato: dateTime,
});

export const MetadataSchema = z.strictObject({
  totaltAntallTreff: z.number().int().min(0).max(10_000),
  treffPerSide: z.number().int().min(1),
  side: z.number().int().min(0),
  viserFra: z.number().int().min(0),
  viserTil: z.number().int().min(0),
  sokeStreng: z.string(),
  asciiKompatibel: z.boolean(),
});

export const SokResponseSchema = z.strictObject({ metadata: MetadataSchema, adresser: z.array(AdresseSchema) });
export const PunktsokResponseSchema = z.strictObject({
  metadata: MetadataSchema,
  adresser: z.array(AdresseSchema.extend({ meterDistanseTilPunkt: z.number().nonnegative() })),
});
export const KartverketErrorSchema = z.strictObject({ code: z.number().int(), message: z.string().min(1) });

// ------------------------------------------------------------------ Brønnøysund (data.brreg.no/enhetsregisteret/api)

const link = z.strictObject({ href: z.string().url() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const kode = z.strictObject({ kode: z.string().min(1), beskrivelse: z.string().min(1) });

export const BrregAdresseSchema = z.strictObject({
  land: z.string().min(1),
  landkode: z.string().length(2),
  postnummer: z.string().regex(/^\d{4}$/).optional(),
  poststed: upper.optional(),
  adresse: z.array(z.string()),
  kommune: upper.optional(),
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
});

export const OrganisasjonsformSchema = z.strictObject({
  kode: z.string().min(1),
  beskrivelse: z.string().min(1),
  _links: z.strictObject({ self: link }),
});

const common = {
  organisasjonsnummer: z.string().regex(/^\d{9}$/),
  navn: z.string().min(1),
  organisasjonsform: OrganisasjonsformSchema,
  hjemmeside: z.string().optional(),
  postadresse: BrregAdresseSchema.optional(),
  registreringsdatoEnhetsregisteret: date,
  registrertIMvaregisteret: z.boolean(),
  naeringskode1: kode,
  naeringskode2: kode.optional(),
  antallAnsatte: z.number().int().nonnegative(),
  harRegistrertAntallAnsatte: z.boolean().optional(),
  stiftelsesdato: date.optional(),
  oppstartsdato: date.optional(),
  slettedato: date.optional(),
};

export const EnhetSchema = z.strictObject({
  ...common,
  forretningsadresse: BrregAdresseSchema,
  institusjonellSektorkode: kode.optional(),
  registrertIForetaksregisteret: z.boolean(),
  registrertIStiftelsesregisteret: z.boolean(),
  registrertIFrivillighetsregisteret: z.boolean(),
  sisteInnsendteAarsregnskap: z.string().regex(/^\d{4}$/).optional(),
  konkurs: z.boolean(),
  konkursdato: date.optional(),
  underAvvikling: z.boolean(),
  underAvviklingDato: date.optional(),
  underTvangsavviklingEllerTvangsopplosning: z.boolean(),
  tvangsavvikletPgaManglendeSlettingDato: date.optional(),
  tvangsopplostPgaManglendeDagligLederDato: date.optional(),
  maalform: z.enum(['Bokmål', 'Nynorsk']),
  vedtektsdato: date.optional(),
  vedtektsfestetFormaal: z.array(z.string()).optional(),
  aktivitet: z.array(z.string()).optional(),
  _links: z.strictObject({ self: link, overordnetEnhet: link.optional() }),
});

export const UnderenhetSchema = z.strictObject({
  ...common,
  overordnetEnhet: z.string().regex(/^\d{9}$/),
  beliggenhetsadresse: BrregAdresseSchema,
  datoEierskifte: date.optional(),
  _links: z.strictObject({ self: link, overordnetEnhet: link }),
});

export const BrregErrorSchema = z.strictObject({
  timestamp: z.string().datetime(),
  status: z.number().int(),
  error: z.string().min(1),
  message: z.string().min(1),
  path: z.string().startsWith('/enhetsregisteret/api/'),
  trace: z.string().optional(),
});

export const BrregFjernetSchema = z.strictObject({
  organisasjonsnummer: z.string().regex(/^\d{9}$/),
  slettedato: date,
  _links: z.strictObject({ self: link }),
});

// ------------------------------------------------------------------ server harness

export interface TestServer {
  base: string;
  close: () => Promise<void>;
}

export async function startServer(opts?: RegistersHandlerOptions): Promise<TestServer> {
  const server = http.createServer(createRegistersHandler(opts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
