/** Brønnøysund Enhetsregisteret double: entity lookup by organisation number. */
import type { BrregEnhet, BrregError, BrregFjernet, BrregUnderenhet } from './types.ts';
import { ENHETER, FJERNEDE, ORGANISASJONSFORMER, UNDERENHETER, brregAdresse, naeringskode } from './data/enheter.ts';
import type { EnhetSeed, UnderenhetSeed } from './data/enheter.ts';

export const PRODUCTION_BASE = 'https://data.brreg.no/enhetsregisteret/api';

function orgform(kode: string, base: string): BrregEnhet['organisasjonsform'] {
  return {
    kode,
    beskrivelse: ORGANISASJONSFORMER[kode] ?? kode,
    _links: { self: { href: `${base}/organisasjonsformer/${encodeURIComponent(kode)}` } },
  };
}

export function buildEnhet(s: EnhetSeed, base = PRODUCTION_BASE): BrregEnhet {
  const flags = new Set(s.flags ?? []);
  const e: BrregEnhet = {
    organisasjonsnummer: s.orgnr,
    navn: s.navn,
    organisasjonsform: orgform(s.form, base),
    ...(s.hjemmeside ? { hjemmeside: s.hjemmeside } : {}),
    ...(s.postadresse ? { postadresse: brregAdresse(s.postadresse[0], s.postadresse[1]) } : {}),
    registreringsdatoEnhetsregisteret: s.registrert,
    registrertIMvaregisteret: s.mva,
    naeringskode1: naeringskode(s.naering),
    ...(s.naering2 ? { naeringskode2: naeringskode(s.naering2) } : {}),
    antallAnsatte: s.ansatte,
    harRegistrertAntallAnsatte: s.ansatte > 0,
    forretningsadresse: brregAdresse(s.adresse[0], s.adresse[1]),
    ...(s.stiftet ? { stiftelsesdato: s.stiftet } : {}),
    ...(s.sektor ? { institusjonellSektorkode: { kode: s.sektor[0], beskrivelse: s.sektor[1] } } : {}),
    registrertIForetaksregisteret: s.foretaksreg,
    registrertIStiftelsesregisteret: false,
    registrertIFrivillighetsregisteret: false,
    ...(s.foretaksreg && s.form !== 'ENK' ? { sisteInnsendteAarsregnskap: flags.size ? '2023' : '2024' } : {}),
    konkurs: flags.has('konkurs'),
    ...(flags.has('konkurs') && s.flagDate ? { konkursdato: s.flagDate } : {}),
    underAvvikling: flags.has('underAvvikling'),
    ...(flags.has('underAvvikling') && s.flagDate ? { underAvviklingDato: s.flagDate } : {}),
    underTvangsavviklingEllerTvangsopplosning: flags.has('underTvangsavvikling'),
    ...(flags.has('underTvangsavvikling') && s.flagDate ? { tvangsavvikletPgaManglendeSlettingDato: s.flagDate } : {}),
    maalform: s.maalform ?? 'Bokmål',
    ...(s.aktivitet ? { aktivitet: [...s.aktivitet] } : {}),
    _links: {
      self: { href: `${base}/enheter/${s.orgnr}` },
      ...(s.overordnet ? { overordnetEnhet: { href: `${base}/enheter/${s.overordnet}` } } : {}),
    },
  };
  return e;
}

export function buildUnderenhet(s: UnderenhetSeed, base = PRODUCTION_BASE): BrregUnderenhet {
  return {
    organisasjonsnummer: s.orgnr,
    navn: s.navn,
    organisasjonsform: orgform(s.form ?? 'BEDR', base),
    ...(s.hjemmeside ? { hjemmeside: s.hjemmeside } : {}),
    registreringsdatoEnhetsregisteret: s.registrert,
    registrertIMvaregisteret: s.mva,
    naeringskode1: naeringskode(s.naering),
    antallAnsatte: s.ansatte,
    harRegistrertAntallAnsatte: s.ansatte > 0,
    overordnetEnhet: s.overordnet,
    oppstartsdato: s.oppstart,
    beliggenhetsadresse: brregAdresse(s.adresse[0], s.adresse[1]),
    _links: {
      self: { href: `${base}/underenheter/${s.orgnr}` },
      overordnetEnhet: { href: `${base}/enheter/${s.overordnet}` },
    },
  };
}

const ENHET_BY_NR = new Map(ENHETER.map((e) => [e.orgnr, e]));
const UNDERENHET_BY_NR = new Map(UNDERENHETER.map((u) => [u.orgnr, u]));
const FJERNET_BY_NR = new Map(FJERNEDE.map((f) => [f.orgnr, f]));

export type BrregLookup =
  | { status: 200; body: BrregEnhet | BrregUnderenhet }
  | { status: 400 | 404; body: BrregError }
  | { status: 410; body: BrregFjernet };

function error(status: 400 | 404, message: string, path: string): { status: 400 | 404; body: BrregError } {
  return {
    status,
    body: { timestamp: new Date().toISOString(), status, error: status === 400 ? 'Bad Request' : 'Not Found', message, path },
  };
}

/**
 * Look up `/enheter/{orgnr}` (kind 'enheter') or `/underenheter/{orgnr}` (kind 'underenheter').
 * `path` is echoed in error bodies; `base` prefixes `_links` hrefs.
 */
export function lookup(kind: 'enheter' | 'underenheter', orgnr: string, path: string, base = PRODUCTION_BASE): BrregLookup {
  if (!/^\d{9}$/.test(orgnr)) {
    return error(400, `Ugyldig organisasjonsnummer: '${orgnr}'. Organisasjonsnummer må bestå av 9 siffer.`, path);
  }
  const what = kind === 'enheter' ? 'enhet' : 'underenhet';
  const gone = FJERNET_BY_NR.get(orgnr);
  if (gone && gone.underenhet === (kind === 'underenheter')) {
    return {
      status: 410,
      body: { organisasjonsnummer: orgnr, slettedato: gone.slettedato, _links: { self: { href: `${base}/${kind}/${orgnr}` } } },
    };
  }
  if (kind === 'enheter') {
    const e = ENHET_BY_NR.get(orgnr);
    if (e) return { status: 200, body: buildEnhet(e, base) };
  } else {
    const u = UNDERENHET_BY_NR.get(orgnr);
    if (u) return { status: 200, body: buildUnderenhet(u, base) };
  }
  return error(404, `Ingen ${what} med organisasjonsnummer ${orgnr} ble funnet`, path);
}

/** All entities / sub-units as the API would return them (for seeding and tests). */
export function allEnheter(base = PRODUCTION_BASE): BrregEnhet[] {
  return ENHETER.map((e) => buildEnhet(e, base));
}
export function allUnderenheter(base = PRODUCTION_BASE): BrregUnderenhet[] {
  return UNDERENHETER.map((u) => buildUnderenhet(u, base));
}
