// Kartverket address API client ("adresser v1"). Background service worker only; never throws.
// Production base URL: https://ws.geonorge.no/adresser/v1/ (sandbox: http://localhost:4630/...).
import { addressSearchParams, interpretAddressSearch, parseKartverketSearch, type AddressInput, type AddressVerdict } from '../address';
import { verdict } from '../verdict';
import { RegisterClient, type RegisterClientOptions } from './client';
import type { RegisterResult } from './result';

export const KARTVERKET_PRODUCTION_BASE_URL = 'https://ws.geonorge.no/adresser/v1/';

/** The part of a `GET sok` answer we rely on; rows are checked one by one in address.ts. */
export interface KartverketSearchAnswer {
  readonly adresser: readonly unknown[];
}

const parseSearch = (body: unknown): KartverketSearchAnswer | undefined => parseKartverketSearch(body);

export interface KartverketClient {
  /** `GET sok?...` with the given query parameters (see address.ts addressSearchParams). */
  search(params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<RegisterResult<KartverketSearchAnswer>>;
  /**
   * Checks the four address fields: first a strict search within the given postal code; when that does not
   * confirm the address, a fuzzy search without it (for suggestions). Register trouble -> `unverified`.
   */
  checkAddress(input: AddressInput, signal?: AbortSignal): Promise<AddressVerdict>;
  clearCache(): void;
}

const UNAVAILABLE = (): AddressVerdict => ({ ...verdict('unverified', 'validation.address.unavailable'), fields: {}, suggestions: [] });

export function createKartverketClient(options: RegisterClientOptions): KartverketClient {
  const client = new RegisterClient(options);
  const search = (params: Readonly<Record<string, string>>, signal?: AbortSignal) =>
    client.getJson({ path: 'sok', searchParams: params, parse: parseSearch }, signal);

  return {
    search,
    checkAddress: async (input, signal) => {
      try {
        if (input.street.trim().length === 0) return interpretAddressSearch(input, { adresser: [] });
        const strict = await search(addressSearchParams(input, true), signal);
        if (strict.kind !== 'ok') return UNAVAILABLE();
        const first = interpretAddressSearch(input, strict.data);
        if (first.match !== undefined) return first;
        const fuzzy = await search(addressSearchParams(input, false), signal);
        if (fuzzy.kind !== 'ok') return first.severity === 'unverified' ? UNAVAILABLE() : first;
        return interpretAddressSearch(input, { adresser: [...strict.data.adresser, ...fuzzy.data.adresser] });
      } catch {
        return UNAVAILABLE();
      }
    },
    clearCache: () => client.clearCache(),
  };
}
