/**
 * Register doubles that answer in the real formats (Brønnøysund `enheter/{orgnr}`, Kartverket `sok`) with the
 * XSS corpus in every text field: the e2e runs them on the sandbox build's register port instead of the
 * sandbox's own doubles, so register answers reach the verdicts and the checklist as hostile text.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Payload } from './corpus';

export async function startHostileRegisters(port: number, corpus: Payload[]) {
  let n = 0;
  const next = (max = 500) => {
    for (let i = 0; i < corpus.length; i += 1) {
      const v = corpus[n++ % corpus.length]!.vector;
      if (v.length <= max) return v;
    }
    return '';
  };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    const unit = /\/enhetsregisteret\/api\/(enheter|underenheter)\/(\d{9})$/.exec(url.pathname);
    if (unit) {
      const adresse = { adresse: [next(), next()], postnummer: '0150', poststed: next(), kommunenummer: '0301', kommune: next(), landkode: 'NO', land: next() };
      return send(200, {
        organisasjonsnummer: unit[2],
        navn: next(),
        organisasjonsform: { kode: 'AS', beskrivelse: next() },
        naeringskode1: { kode: '86.903', beskrivelse: next() },
        hjemmeside: next(),
        forretningsadresse: adresse,
        postadresse: adresse,
        beliggenhetsadresse: adresse,
        ...(unit[1] === 'underenheter' ? { overordnetEnhet: '998877660' } : {}),
      });
    }
    if (url.pathname.endsWith('/adresser/v1/sok')) {
      const adresser = Array.from({ length: 10 }, () => ({
        adressenavn: next(),
        adressetekst: next(),
        nummer: 1,
        bokstav: '',
        postnummer: '0150',
        poststed: next(),
        kommunenummer: '0301',
        kommunenavn: next(),
      }));
      return send(200, { metadata: { totaltAntallTreff: adresser.length, side: 0, treffPerSide: 10, viserFra: 0, viserTil: 10, sokeStreng: url.search, asciiKompatibel: true, utkoordsys: 4258 }, adresser });
    }
    return send(404, { feilmelding: next() });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
