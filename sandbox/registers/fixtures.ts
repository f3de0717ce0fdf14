/**
 * Numbers and addresses other engineers can rely on (seed the portal with matching firms, write e2e tests).
 * Every number is MOD11-valid (asserted in registers.test.ts).
 */
export const REGISTER_FIXTURES = {
  /** 200 from /enheter, no bad flags. */
  healthy: [
    '998234824', // DIGICARE AS (real org, details approximated)
    '974760673', // REGISTERENHETEN I BRØNNØYSUND (real, ORGL)
    '917812349', // OPPEGÅRD FYSIKALSKE INSTITUTT AS, Myrvollveien 5C 1415 OPPEGÅRD (invented)
    '920345670', // BRYGGEN FYSIOTERAPI AS, Bryggen 9 5003 BERGEN (invented)
    '921456786', // NIDAROS FYSIOTERAPI OG TRENING AS, Olav Tryggvasons gate 24 7011 TRONDHEIM (invented)
    '922567891', // KIRKEGATA MANUELLTERAPI AS, Kirkegata 15 4006 STAVANGER (invented)
    '923678905', // FYSIO GRÜNERLØKKA AS, Thorvald Meyers gate 24A 0555 OSLO (invented)
    '924789018', // SANDVIKA HELSEHUS AS, Rådmann Halmrasts vei 6 1337 SANDVIKA (invented)
    '926901230', // TROMSØ FYSIO & HELSE AS, Storgata 36B 9008 TROMSØ (invented)
    '927012340', // FYSIOTERAPEUT KARI NORDMANN (ENK), Nedre Storgate 4A 3015 DRAMMEN (invented)
    '928123456', // MARKENS KIROPRAKTIKK OG FYSIOTERAPI AS, Markens gate 9A 4611 KRISTIANSAND S (invented)
  ],
  /** 200 with konkurs=true (invented clinic). */
  bankrupt: '929234561',
  /** 200 with underAvvikling=true (invented clinic). */
  windingUp: '930345679',
  /** 200 with underTvangsavviklingEllerTvangsopplosning=true (invented clinic). */
  forcedDissolution: '931456784',
  /** 410 Gone on /enheter (removed from public view). */
  gone410: '933678903',
  /** 410 Gone on /underenheter. */
  gone410Underenhet: '934789016',
  /** MOD11-valid, 404 on both /enheter and /underenheter. */
  unknown404: '932567806',
  /** 400: malformed (not 9 digits). MOD11-invalid 9-digit numbers are NOT rejected by the API (404). */
  malformed400: '12345678',
  /** Sub-units (GET /underenheter/{orgnr}) -> overordnetEnhet. */
  underenheter: {
    '935890128': '998234824', // DIGICARE AS AVD OSLO
    '815672348': '917812349', // OPPEGÅRD FYSIKALSKE INSTITUTT AS
    '816783453': '920345670', // BRYGGEN FYSIOTERAPI AS
    '999888771': '921456786', // NIDAROS ... AVD SENTRUM
    '998877660': '921456786', // NIDAROS ... AVD ELGESETER
    '913579240': '924789018', // SANDVIKA HELSEHUS AS
    '924681357': '924789018', // SANDVIKA HELSEHUS AS AVD BEKKESTUA
  } as Readonly<Record<string, string>>,
} as const;

/** Free-text queries that are guaranteed to return the given first hit (adressetekst, postnummer). */
export const GUARANTEED_ADDRESSES: ReadonlyArray<{ query: string; adressetekst: string; postnummer: string; poststed: string; kommunenummer: string }> = [
  { query: 'Karl Johans gate 1', adressetekst: 'Karl Johans gate 1', postnummer: '0154', poststed: 'OSLO', kommunenummer: '0301' },
  { query: 'karl johans gt 1', adressetekst: 'Karl Johans gate 1', postnummer: '0154', poststed: 'OSLO', kommunenummer: '0301' },
  { query: 'Karl Johans gate 22', adressetekst: 'Karl Johans gate 22', postnummer: '0159', poststed: 'OSLO', kommunenummer: '0301' },
  { query: 'Karl Johans gate 40', adressetekst: 'Karl Johans gate 40', postnummer: '0162', poststed: 'OSLO', kommunenummer: '0301' },
  { query: 'Myrvollveien 5C', adressetekst: 'Myrvollveien 5C', postnummer: '1415', poststed: 'OPPEGÅRD', kommunenummer: '3207' },
  { query: 'Bryggen 9 Bergen', adressetekst: 'Bryggen 9', postnummer: '5003', poststed: 'BERGEN', kommunenummer: '4601' },
  { query: 'Olav Tryggvasons gate 24', adressetekst: 'Olav Tryggvasons gate 24', postnummer: '7011', poststed: 'TRONDHEIM', kommunenummer: '5001' },
  { query: 'Kirkegata 15 Stavanger', adressetekst: 'Kirkegata 15', postnummer: '4006', poststed: 'STAVANGER', kommunenummer: '1103' },
  { query: 'Storgata 36B Tromsø', adressetekst: 'Storgata 36B', postnummer: '9008', poststed: 'TROMSØ', kommunenummer: '5501' },
  { query: 'Markens gate 9A', adressetekst: 'Markens gate 9A', postnummer: '4611', poststed: 'KRISTIANSAND S', kommunenummer: '4204' },
  { query: 'Nedre Storgate 4A Drammen', adressetekst: 'Nedre Storgate 4A', postnummer: '3015', poststed: 'DRAMMEN', kommunenummer: '3301' },
  { query: 'Thorvald Meyers gate 24A', adressetekst: 'Thorvald Meyers gate 24A', postnummer: '0555', poststed: 'OSLO', kommunenummer: '0301' },
  { query: 'Rådmann Halmrasts vei 6', adressetekst: 'Rådmann Halmrasts vei 6', postnummer: '1337', poststed: 'SANDVIKA', kommunenummer: '3201' },
  { query: 'Storgata 5A Lillestrøm', adressetekst: 'Storgata 5A', postnummer: '2000', poststed: 'LILLESTRØM', kommunenummer: '3205' },
  { query: 'Dronningens gate 10 Trondheim', adressetekst: 'Dronningens gate 10', postnummer: '7011', poststed: 'TRONDHEIM', kommunenummer: '5001' },
  { query: 'Strandgata 45A Hamar', adressetekst: 'Strandgata 45A', postnummer: '2317', poststed: 'HAMAR', kommunenummer: '3403' },
];
