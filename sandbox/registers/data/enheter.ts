/**
 * Enhetsregisteret data set. Real public organisations (name, number and organisation form are real;
 * addresses, NACE codes, head counts and dates are approximations) plus invented physiotherapy/health
 * clinics with MOD11-valid numbers (checked in the tests) for the edge cases. Every "bad" status
 * (bankrupt, winding up, forced dissolution, removed, unknown) uses an INVENTED clinic — never a real firm.
 */
import type { BrregAdresse, BrregKode } from '../types.ts';
import { POSTNUMMER_BY_CODE } from './postnummer.ts';

export const ORGANISASJONSFORMER: Readonly<Record<string, string>> = {
  AS: 'Aksjeselskap',
  ASA: 'Allmennaksjeselskap',
  ENK: 'Enkeltpersonforetak',
  ORGL: 'Organisasjonsledd',
  STAT: 'Staten',
  SF: 'Statsforetak',
  HF: 'Helseforetak',
  KOMM: 'Kommune',
  NUF: 'Norskregistrert utenlandsk foretak',
  SÆR: 'Annet foretak iflg. særskilt lov',
  BEDR: 'Underenhet til næringsdrivende og offentlig forvaltning',
  AAFY: 'Underenhet til ikke-næringsdrivende',
};

export const NAERINGSKODER: Readonly<Record<string, string>> = {
  '06.100': 'Utvinning av råolje',
  '61.100': 'Kabelbasert telekommunikasjon',
  '62.010': 'Programmeringstjenester',
  '62.020': 'Konsulentvirksomhet tilknyttet informasjonsteknologi',
  '64.190': 'Bankvirksomhet ellers',
  '64.110': 'Sentralbankvirksomhet',
  '65.110': 'Livsforsikring',
  '65.120': 'Skadeforsikring',
  '70.100': 'Hovedkontortjenester',
  '84.110': 'Generell offentlig administrasjon',
  '84.120': 'Offentlig administrasjon tilknyttet helsestell, sosial virksomhet, undervisning, kirke, kultur og miljøvern',
  '84.130': 'Offentlig administrasjon tilknyttet næringsvirksomhet og arbeidsmarked',
  '86.101': 'Alminnelige somatiske sykehus',
  '86.211': 'Allmenn legetjeneste',
  '86.902': 'Fysioterapitjeneste',
  '86.909': 'Andre helsetjenester',
  '53.100': 'Landsdekkende posttjenester',
  '60.200': 'Fjernsynskringkasting',
  '20.150': 'Produksjon av nitrogenholdige gjødselstoffer og nitrogenforbindelser',
  '24.420': 'Produksjon av aluminium',
  '35.120': 'Overføring av elektrisitet',
  '93.130': 'Drift av treningssentre',
};

export type Flag = 'konkurs' | 'underAvvikling' | 'underTvangsavvikling';

export interface EnhetSeed {
  orgnr: string;
  navn: string;
  form: string;
  /** [street line, postnummer] */
  adresse: readonly [string, string];
  postadresse?: readonly [string, string];
  naering: string;
  naering2?: string;
  ansatte: number;
  registrert: string;
  stiftet?: string;
  mva: boolean;
  foretaksreg: boolean;
  hjemmeside?: string;
  sektor?: readonly [string, string];
  flags?: readonly Flag[];
  flagDate?: string;
  maalform?: 'Bokmål' | 'Nynorsk';
  aktivitet?: readonly string[];
  overordnet?: string; // ORGL/KOMM belongs to another entity (shown as _links.overordnetEnhet)
}

export interface UnderenhetSeed {
  orgnr: string;
  navn: string;
  overordnet: string;
  adresse: readonly [string, string];
  naering: string;
  ansatte: number;
  registrert: string;
  oppstart: string;
  mva: boolean;
  hjemmeside?: string;
  form?: 'BEDR' | 'AAFY';
}

const PRIVATE = ['2100', 'Private aksjeselskaper mv.'] as const;
const STATE = ['6100', 'Statsforvaltningen'] as const;
const MUNI = ['6500', 'Kommuneforvaltningen'] as const;
const PUBLIC_NONFIN = ['1110', 'Offentlig eide aksjeselskaper mv.'] as const;
const ENK_SECTOR = ['8200', 'Personlig næringsdrivende'] as const;

export const ENHETER: ReadonlyArray<EnhetSeed> = [
  // ----------------------------------------------------------- real organisations
  { orgnr: '998234824', navn: 'DIGICARE AS', form: 'AS', adresse: ['Karl Johans gate 12A', '0154'], naering: '86.909', naering2: '62.010', ansatte: 38, registrert: '2012-03-14', stiftet: '2012-02-20', mva: true, foretaksreg: true, hjemmeside: 'www.digicare.no', sektor: PRIVATE, aktivitet: ['Formidling av helsetjenester til forsikringskunder og tilknyttet virksomhet.'] },
  { orgnr: '974760673', navn: 'REGISTERENHETEN I BRØNNØYSUND', form: 'ORGL', adresse: ['Havnegata 48', '8900'], postadresse: ['Postboks 900', '8910'], naering: '84.110', ansatte: 440, registrert: '1995-08-09', mva: false, foretaksreg: false, hjemmeside: 'www.brreg.no', sektor: STATE, overordnet: '912660680' },
  { orgnr: '971040238', navn: 'STATENS KARTVERK', form: 'ORGL', adresse: ['Kartverksveien 21', '3511'], naering: '84.130', ansatte: 900, registrert: '1995-03-12', mva: false, foretaksreg: false, hjemmeside: 'www.kartverket.no', sektor: STATE },
  { orgnr: '983544622', navn: 'HELSEDIREKTORATET', form: 'ORGL', adresse: ['Vitaminveien 4', '0485'], naering: '84.120', ansatte: 1100, registrert: '2001-10-20', mva: false, foretaksreg: false, hjemmeside: 'www.helsedirektoratet.no', sektor: STATE },
  { orgnr: '889640782', navn: 'ARBEIDS- OG VELFERDSETATEN', form: 'ORGL', adresse: ['Fyrstikkalléen 1', '0661'], naering: '84.120', ansatte: 14000, registrert: '2006-03-29', mva: false, foretaksreg: false, hjemmeside: 'www.nav.no', sektor: STATE },
  { orgnr: '974761076', navn: 'SKATTEETATEN', form: 'ORGL', adresse: ['Fredrik Selmers vei 4', '0663'], naering: '84.110', ansatte: 6500, registrert: '1995-08-09', mva: false, foretaksreg: false, hjemmeside: 'www.skatteetaten.no', sektor: STATE },
  { orgnr: '958935420', navn: 'OSLO KOMMUNE', form: 'KOMM', adresse: ['Rådhusplassen 1', '0037'], naering: '84.110', ansatte: 50000, registrert: '1995-02-20', mva: true, foretaksreg: false, hjemmeside: 'www.oslo.kommune.no', sektor: MUNI },
  { orgnr: '964338531', navn: 'BERGEN KOMMUNE', form: 'KOMM', adresse: ['Rådhusgaten 10', '5014'], naering: '84.110', ansatte: 20000, registrert: '1995-02-20', mva: true, foretaksreg: false, hjemmeside: 'www.bergen.kommune.no', sektor: MUNI, maalform: 'Bokmål' },
  { orgnr: '942110464', navn: 'TRONDHEIM KOMMUNE', form: 'KOMM', adresse: ['Munkegata 1', '7013'], naering: '84.110', ansatte: 17000, registrert: '1995-02-20', mva: true, foretaksreg: false, hjemmeside: 'www.trondheim.kommune.no', sektor: MUNI },
  { orgnr: '923609016', navn: 'EQUINOR ASA', form: 'ASA', adresse: ['Forusbeen 50', '4035'], naering: '06.100', ansatte: 21000, registrert: '1995-03-12', stiftet: '1972-09-18', mva: true, foretaksreg: true, hjemmeside: 'www.equinor.com', sektor: PUBLIC_NONFIN },
  { orgnr: '984851006', navn: 'DNB BANK ASA', form: 'ASA', adresse: ['Dronning Eufemias gate 30', '0191'], naering: '64.190', ansatte: 9000, registrert: '2002-09-11', mva: true, foretaksreg: true, hjemmeside: 'www.dnb.no', sektor: ['3200', 'Banker'] },
  { orgnr: '982463718', navn: 'TELENOR ASA', form: 'ASA', adresse: ['Snarøyveien 30', '1360'], naering: '70.100', ansatte: 600, registrert: '2000-06-23', mva: true, foretaksreg: true, hjemmeside: 'www.telenor.com', sektor: PRIVATE },
  { orgnr: '916300484', navn: 'STOREBRAND ASA', form: 'ASA', adresse: ['Professor Kohts vei 9', '1366'], naering: '70.100', ansatte: 12, registrert: '1995-12-08', mva: false, foretaksreg: true, hjemmeside: 'www.storebrand.no', sektor: PRIVATE },
  { orgnr: '958995369', navn: 'STOREBRAND LIVSFORSIKRING AS', form: 'AS', adresse: ['Professor Kohts vei 9', '1366'], naering: '65.110', ansatte: 1200, registrert: '1995-02-19', mva: false, foretaksreg: true, hjemmeside: 'www.storebrand.no', sektor: ['4100', 'Livsforsikringsselskaper'] },
  { orgnr: '995568217', navn: 'GJENSIDIGE FORSIKRING ASA', form: 'ASA', adresse: ['Schweigaards gate 21', '0191'], naering: '65.120', ansatte: 3000, registrert: '2010-03-31', mva: false, foretaksreg: true, hjemmeside: 'www.gjensidige.no', sektor: ['4300', 'Skadeforsikringsselskaper'] },
  { orgnr: '981290666', navn: 'IF SKADEFORSIKRING NUF', form: 'NUF', adresse: ['Drammensveien 264', '0283'], naering: '65.120', ansatte: 1400, registrert: '1999-12-29', mva: false, foretaksreg: true, hjemmeside: 'www.if.no', sektor: ['4300', 'Skadeforsikringsselskaper'] },
  { orgnr: '993467049', navn: 'OSLO UNIVERSITETSSYKEHUS HF', form: 'HF', adresse: ['Kirkeveien 166', '0450'], naering: '86.101', ansatte: 24000, registrert: '2009-01-05', mva: false, foretaksreg: true, hjemmeside: 'www.oslo-universitetssykehus.no', sektor: STATE },
  { orgnr: '983974724', navn: 'HELSE BERGEN HF', form: 'HF', adresse: ['Haukelandsveien 22', '5021'], naering: '86.101', ansatte: 14000, registrert: '2002-01-01', mva: false, foretaksreg: true, hjemmeside: 'www.helse-bergen.no', sektor: STATE, maalform: 'Nynorsk' },
  { orgnr: '984661185', navn: 'POSTEN BRING AS', form: 'AS', adresse: ['Biskop Gunnerus\' gate 14A', '0185'], naering: '53.100', ansatte: 10000, registrert: '2002-07-01', mva: true, foretaksreg: true, hjemmeside: 'www.posten.no', sektor: PUBLIC_NONFIN },
  { orgnr: '976390512', navn: 'NORSK RIKSKRINGKASTING AS', form: 'AS', adresse: ['Bjørnstjerne Bjørnsons plass 1', '0340'], naering: '60.200', ansatte: 3400, registrert: '1996-12-10', mva: true, foretaksreg: true, hjemmeside: 'www.nrk.no', sektor: PUBLIC_NONFIN },
  { orgnr: '962986633', navn: 'STATNETT SF', form: 'SF', adresse: ['Nydalen allé 33', '0484'], naering: '35.120', ansatte: 1800, registrert: '1995-02-21', mva: true, foretaksreg: true, hjemmeside: 'www.statnett.no', sektor: PUBLIC_NONFIN },
  { orgnr: '937884117', navn: 'NORGES BANK', form: 'SÆR', adresse: ['Bankplassen 2', '0151'], naering: '64.110', ansatte: 900, registrert: '1995-02-20', mva: true, foretaksreg: false, hjemmeside: 'www.norges-bank.no', sektor: ['1510', 'Norges Bank'] },
  { orgnr: '914778271', navn: 'NORSK HYDRO ASA', form: 'ASA', adresse: ['Drammensveien 264', '0283'], naering: '24.420', ansatte: 500, registrert: '1995-02-20', mva: true, foretaksreg: true, hjemmeside: 'www.hydro.com', sektor: PRIVATE },
  // ----------------------------------------------------------- invented clinics (healthy)
  { orgnr: '917812349', navn: 'OPPEGÅRD FYSIKALSKE INSTITUTT AS', form: 'AS', adresse: ['Myrvollveien 5C', '1415'], naering: '86.902', ansatte: 9, registrert: '2016-11-02', stiftet: '2016-10-18', mva: false, foretaksreg: true, hjemmeside: 'www.oppegardfysikalske.no', sektor: PRIVATE },
  { orgnr: '920345670', navn: 'BRYGGEN FYSIOTERAPI AS', form: 'AS', adresse: ['Bryggen 9', '5003'], naering: '86.902', ansatte: 6, registrert: '2017-12-19', stiftet: '2017-12-01', mva: false, foretaksreg: true, hjemmeside: 'www.bryggenfysio.no', sektor: PRIVATE, maalform: 'Nynorsk' },
  { orgnr: '921456786', navn: 'NIDAROS FYSIOTERAPI OG TRENING AS', form: 'AS', adresse: ['Olav Tryggvasons gate 24', '7011'], naering: '86.902', naering2: '93.130', ansatte: 14, registrert: '2018-09-05', stiftet: '2018-08-20', mva: true, foretaksreg: true, hjemmeside: 'www.nidarosfysio.no', sektor: PRIVATE },
  { orgnr: '922567891', navn: 'KIRKEGATA MANUELLTERAPI AS', form: 'AS', adresse: ['Kirkegata 15', '4006'], naering: '86.902', ansatte: 4, registrert: '2019-02-27', stiftet: '2019-02-10', mva: false, foretaksreg: true, sektor: PRIVATE },
  { orgnr: '923678905', navn: 'FYSIO GRÜNERLØKKA AS', form: 'AS', adresse: ['Thorvald Meyers gate 24A', '0555'], naering: '86.902', ansatte: 11, registrert: '2019-06-14', stiftet: '2019-05-30', mva: false, foretaksreg: true, hjemmeside: 'www.fysiogrunerlokka.no', sektor: PRIVATE },
  { orgnr: '924789018', navn: 'SANDVIKA HELSEHUS AS', form: 'AS', adresse: ['Rådmann Halmrasts vei 6', '1337'], naering: '86.909', naering2: '86.902', ansatte: 27, registrert: '2020-01-08', stiftet: '2019-12-12', mva: true, foretaksreg: true, hjemmeside: 'www.sandvikahelsehus.no', sektor: PRIVATE },
  { orgnr: '926901230', navn: 'TROMSØ FYSIO & HELSE AS', form: 'AS', adresse: ['Storgata 36B', '9008'], naering: '86.902', ansatte: 8, registrert: '2020-08-20', stiftet: '2020-08-03', mva: false, foretaksreg: true, hjemmeside: 'www.tromsofysio.no', sektor: PRIVATE },
  { orgnr: '927012340', navn: 'FYSIOTERAPEUT KARI NORDMANN', form: 'ENK', adresse: ['Nedre Storgate 4A', '3015'], naering: '86.902', ansatte: 0, registrert: '2021-03-03', mva: false, foretaksreg: false, sektor: ENK_SECTOR },
  { orgnr: '928123456', navn: 'MARKENS KIROPRAKTIKK OG FYSIOTERAPI AS', form: 'AS', adresse: ['Markens gate 9A', '4611'], naering: '86.909', ansatte: 7, registrert: '2021-05-11', stiftet: '2021-04-26', mva: false, foretaksreg: true, hjemmeside: 'www.markensklinikk.no', sektor: PRIVATE },
  // ----------------------------------------------------------- invented clinics (bad status)
  { orgnr: '929234561', navn: 'LILLESTRØM REHAB AS', form: 'AS', adresse: ['Storgata 5A', '2000'], naering: '86.902', ansatte: 0, registrert: '2015-04-15', stiftet: '2015-03-30', mva: false, foretaksreg: true, sektor: PRIVATE, flags: ['konkurs'], flagDate: '2025-09-18' },
  { orgnr: '930345679', navn: 'ASKER BEVEGELSESKLINIKK AS', form: 'AS', adresse: ['Knud Askers vei 12', '1383'], naering: '86.902', ansatte: 2, registrert: '2014-06-02', stiftet: '2014-05-20', mva: false, foretaksreg: true, sektor: PRIVATE, flags: ['underAvvikling'], flagDate: '2025-10-01' },
  { orgnr: '931456784', navn: 'DRAMMEN IDRETTSFYSIO AS', form: 'AS', adresse: ['Engene 21', '3015'], naering: '86.902', ansatte: 0, registrert: '2013-01-22', stiftet: '2013-01-04', mva: false, foretaksreg: true, sektor: PRIVATE, flags: ['underTvangsavvikling'], flagDate: '2025-06-12' },
];

/** Removed from public view (HTTP 410). Not in ENHETER: the API shows nothing but the removal. */
export const FJERNEDE: ReadonlyArray<{ orgnr: string; slettedato: string; underenhet: boolean }> = [
  { orgnr: '933678903', slettedato: '2024-05-31', underenhet: false },
  { orgnr: '934789016', slettedato: '2023-11-15', underenhet: true },
];

export const UNDERENHETER: ReadonlyArray<UnderenhetSeed> = [
  { orgnr: '935890128', navn: 'DIGICARE AS AVD OSLO', overordnet: '998234824', adresse: ['Karl Johans gate 12A', '0154'], naering: '86.909', ansatte: 35, registrert: '2012-03-14', oppstart: '2012-03-01', mva: true },
  { orgnr: '815672348', navn: 'OPPEGÅRD FYSIKALSKE INSTITUTT AS', overordnet: '917812349', adresse: ['Myrvollveien 5C', '1415'], naering: '86.902', ansatte: 9, registrert: '2016-11-02', oppstart: '2016-11-01', mva: false },
  { orgnr: '816783453', navn: 'BRYGGEN FYSIOTERAPI AS', overordnet: '920345670', adresse: ['Bryggen 9', '5003'], naering: '86.902', ansatte: 6, registrert: '2017-12-19', oppstart: '2018-01-02', mva: false },
  { orgnr: '999888771', navn: 'NIDAROS FYSIOTERAPI OG TRENING AS AVD SENTRUM', overordnet: '921456786', adresse: ['Olav Tryggvasons gate 24', '7011'], naering: '86.902', ansatte: 9, registrert: '2018-09-05', oppstart: '2018-09-01', mva: true },
  { orgnr: '998877660', navn: 'NIDAROS FYSIOTERAPI OG TRENING AS AVD ELGESETER', overordnet: '921456786', adresse: ['Elgeseter gate 10', '7030'], naering: '86.902', ansatte: 5, registrert: '2021-02-01', oppstart: '2021-02-15', mva: true },
  { orgnr: '913579240', navn: 'SANDVIKA HELSEHUS AS', overordnet: '924789018', adresse: ['Rådmann Halmrasts vei 6', '1337'], naering: '86.909', ansatte: 19, registrert: '2020-01-08', oppstart: '2020-02-01', mva: true, hjemmeside: 'www.sandvikahelsehus.no' },
  { orgnr: '924681357', navn: 'SANDVIKA HELSEHUS AS AVD BEKKESTUA', overordnet: '924789018', adresse: ['Gamle Ringeriksvei 38', '1356'], naering: '86.902', ansatte: 8, registrert: '2022-04-20', oppstart: '2022-05-02', mva: true },
];

/** Postal codes used only by head-office addresses of real organisations (not part of the address data set). */
const EXTRA_POSTNUMMER: Readonly<Record<string, { poststed: string; kommunenummer: string; kommunenavn: string }>> = {
  '3511': { poststed: 'HØNEFOSS', kommunenummer: '3305', kommunenavn: 'RINGERIKE' },
  '0485': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0661': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0663': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0037': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '4035': { poststed: 'STAVANGER', kommunenummer: '1103', kommunenavn: 'STAVANGER' },
  '0191': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0283': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0450': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '5021': { poststed: 'BERGEN', kommunenummer: '4601', kommunenavn: 'BERGEN' },
  '0185': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0340': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
  '0484': { poststed: 'OSLO', kommunenummer: '0301', kommunenavn: 'OSLO' },
};

/** The Enhetsregisteret address shape for a street line + postal code (from the postal table). */
export function brregAdresse(line: string, postnummer: string): BrregAdresse {
  const p = POSTNUMMER_BY_CODE.get(postnummer) ?? EXTRA_POSTNUMMER[postnummer];
  return {
    land: 'Norge',
    landkode: 'NO',
    postnummer,
    poststed: p?.poststed ?? '',
    adresse: [line],
    kommune: p?.kommunenavn ?? '',
    kommunenummer: p?.kommunenummer ?? '',
  };
}

export function naeringskode(kode: string): BrregKode {
  return { kode, beskrivelse: NAERINGSKODER[kode] ?? 'Uoppgitt' };
}
