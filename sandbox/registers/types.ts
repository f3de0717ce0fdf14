/**
 * Types mirroring the public JSON shapes of the two Norwegian registers we double:
 *  - Kartverket "adresser v1" (https://ws.geonorge.no/adresser/v1/)
 *  - Brønnøysundregistrene Enhetsregisteret (https://data.brreg.no/enhetsregisteret/api/)
 */

// ---------------------------------------------------------------- Kartverket

export interface KartverketRepresentasjonspunkt {
  epsg: string; // e.g. "EPSG:4258"
  lat: number;
  lon: number;
}

export interface KartverketAdresse {
  adressenavn: string;
  adressetekst: string; // "Karl Johans gate 1" / "Myrvollveien 5C"
  adressetekstutenadressetilleggsnavn: string;
  adressekode: number;
  nummer: number;
  bokstav: string; // "" when the address has no letter (the real API uses an empty string)
  postnummer: string; // 4 digits
  poststed: string; // UPPER CASE
  kommunenummer: string; // 4 digits
  kommunenavn: string; // UPPER CASE
  gardsnummer: number;
  bruksnummer: number;
  festenummer: number;
  undernummer: number | null;
  bruksenhetsnummer: string[];
  objtype: 'Vegadresse';
  adressetilleggsnavn: string | null;
  stedfestingverifisert: boolean;
  representasjonspunkt: KartverketRepresentasjonspunkt;
  oppdateringsdato: string; // "2024-01-01T00:00:00"
}

export interface KartverketMetadata {
  totaltAntallTreff: number;
  treffPerSide: number;
  side: number;
  viserFra: number;
  viserTil: number;
  sokeStreng: string;
  asciiKompatibel: boolean;
}

export interface KartverketSokResponse {
  metadata: KartverketMetadata;
  adresser: KartverketAdresse[];
}

/** punktsok rows carry the distance from the query point in metres. */
export interface KartverketPunktAdresse extends KartverketAdresse {
  meterDistanseTilPunkt: number;
}

export interface KartverketPunktsokResponse {
  metadata: KartverketMetadata;
  adresser: KartverketPunktAdresse[];
}

/** Error body of the address API double (shape guessed, see README.md). */
export interface KartverketError {
  code: number;
  message: string;
}

/** One row of the Posten/Bring postal-code register. */
export type PostnummerKategori = 'G' | 'P' | 'B' | 'S' | 'F';
export interface Postnummer {
  postnummer: string;
  poststed: string; // UPPER CASE
  kommunenummer: string;
  kommunenavn: string; // UPPER CASE
  kategori: PostnummerKategori;
}

// ---------------------------------------------------------------- Brønnøysund

export interface BrregLink {
  href: string;
}

export interface BrregAdresse {
  land: string;
  landkode: string;
  postnummer?: string;
  poststed?: string;
  adresse: string[];
  kommune?: string;
  kommunenummer?: string;
}

export interface BrregKode {
  kode: string;
  beskrivelse: string;
}

export interface BrregOrganisasjonsform extends BrregKode {
  _links: { self: BrregLink };
}

interface BrregCommon {
  organisasjonsnummer: string;
  navn: string;
  organisasjonsform: BrregOrganisasjonsform;
  hjemmeside?: string;
  postadresse?: BrregAdresse;
  registreringsdatoEnhetsregisteret: string; // "YYYY-MM-DD"
  registrertIMvaregisteret: boolean;
  naeringskode1: BrregKode;
  naeringskode2?: BrregKode;
  antallAnsatte: number;
  harRegistrertAntallAnsatte?: boolean;
  stiftelsesdato?: string;
  oppstartsdato?: string;
  slettedato?: string;
}

export interface BrregEnhet extends BrregCommon {
  forretningsadresse?: BrregAdresse;
  institusjonellSektorkode?: BrregKode;
  registrertIForetaksregisteret: boolean;
  registrertIStiftelsesregisteret: boolean;
  registrertIFrivillighetsregisteret: boolean;
  sisteInnsendteAarsregnskap?: string;
  konkurs: boolean;
  konkursdato?: string;
  underAvvikling: boolean;
  underAvviklingDato?: string;
  underTvangsavviklingEllerTvangsopplosning: boolean;
  tvangsavvikletPgaManglendeSlettingDato?: string;
  tvangsopplostPgaManglendeDagligLederDato?: string;
  maalform: 'Bokmål' | 'Nynorsk';
  vedtektsdato?: string;
  vedtektsfestetFormaal?: string[];
  aktivitet?: string[];
  _links: { self: BrregLink; overordnetEnhet?: BrregLink };
}

export interface BrregUnderenhet extends BrregCommon {
  overordnetEnhet: string;
  beliggenhetsadresse?: BrregAdresse;
  oppstartsdato?: string;
  datoEierskifte?: string;
  _links: { self: BrregLink; overordnetEnhet: BrregLink };
}

/** Body of 4xx errors from the Enhetsregisteret double (Spring-style, see README.md). */
export interface BrregError {
  timestamp: string;
  status: number;
  error: string;
  message: string;
  path: string;
  trace?: string;
}

/** Body of 410 Gone: entity removed from public view. */
export interface BrregFjernet {
  organisasjonsnummer: string;
  slettedato: string;
  _links: { self: BrregLink };
}
