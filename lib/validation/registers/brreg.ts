// Enhetsregisteret (Brønnøysundregistrene) client. Background service worker only; never throws.
// Production base URL: https://data.brreg.no/enhetsregisteret/api/ (sandbox: http://localhost:4630/...).
import { normalizeOrgnr, parseBrregEntity, verdictForBrregLookup, type BrregEntity } from '../orgnr';
import type { Verdict } from '../verdict';
import { RegisterClient, type RegisterClientOptions } from './client';
import type { RegisterResult } from './result';

export const BRREG_PRODUCTION_BASE_URL = 'https://data.brreg.no/enhetsregisteret/api/';

const NINE_DIGITS = /^\d{9}$/;
const STATUS_MEANING = { 404: 'not-found', 410: 'gone' } as const;

export interface BrregClient {
  /** `GET enheter/{orgnr}`: a main entity (firm). */
  lookupEntity(orgnr: string, signal?: AbortSignal): Promise<RegisterResult<BrregEntity>>;
  /** `GET underenheter/{orgnr}`: a sub-unit (a location's own number; `overordnetEnhet` names its parent). */
  lookupSubunit(orgnr: string, signal?: AbortSignal): Promise<RegisterResult<BrregEntity>>;
  /** lookupEntity, turned into a verdict (see orgnr.ts). */
  checkOrgnr(orgnr: string, signal?: AbortSignal): Promise<Verdict>;
  clearCache(): void;
}

export function createBrregClient(options: RegisterClientOptions): BrregClient {
  const client = new RegisterClient(options);
  const lookup = (kind: 'enheter' | 'underenheter', orgnr: string, signal?: AbortSignal): Promise<RegisterResult<BrregEntity>> => {
    const digits = typeof orgnr === 'string' ? normalizeOrgnr(orgnr) : '';
    if (!NINE_DIGITS.test(digits)) return Promise.resolve({ kind: 'unavailable', reason: 'invalid-input' });
    return client.getJson(
      {
        path: `${kind}/${digits}`,
        parse: (body) => {
          const entity = parseBrregEntity(body);
          // An answer about another number is as good as no answer.
          return entity && normalizeOrgnr(entity.organisasjonsnummer) === digits ? entity : undefined;
        },
        statusMeaning: STATUS_MEANING,
      },
      signal,
    );
  };
  return {
    lookupEntity: (orgnr, signal) => lookup('enheter', orgnr, signal),
    lookupSubunit: (orgnr, signal) => lookup('underenheter', orgnr, signal),
    checkOrgnr: async (orgnr, signal) => verdictForBrregLookup(await lookup('enheter', orgnr, signal)),
    clearCache: () => client.clearCache(),
  };
}
