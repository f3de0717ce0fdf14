// Which of the article's three firm types the administered firm is. Read from the page when it shows it; a firm
// with no locations is most likely invoicing-only; with locations, co-invoicing and shared cannot be told
// apart from the outside, so the overlay asks once and remembers. Never guessed.
import { FIRM_TYPES, type FirmFacts, type FirmType } from '../portal/types';

export type FirmTypeSource = 'page' | 'asked' | 'inferred' | 'unknown';

export interface FirmTypeInput {
  /** What the portal page shows as the firm's type (undefined/null: not shown or not read). */
  readonly shown?: FirmType | null | undefined;
  /** How many locations the firm has (undefined: not read). */
  readonly locationsCount?: number | undefined;
  /** The page shows signs of an invoicing-only firm (e.g. "leverer sine tjenester ved en annen lokasjon"). */
  readonly invoicingHints?: boolean | undefined;
  /** What the admin told us earlier for this firm. */
  readonly remembered?: FirmType | null | undefined;
}

export interface ResolvedFirmType {
  readonly type: FirmType | undefined;
  readonly source: FirmTypeSource;
}

export function isFirmType(value: unknown): value is FirmType {
  return (FIRM_TYPES as readonly unknown[]).includes(value);
}

export function resolveFirmType(input: FirmTypeInput): ResolvedFirmType {
  if (isFirmType(input.shown)) return { type: input.shown, source: 'page' };
  if (isFirmType(input.remembered)) return { type: input.remembered, source: 'asked' };
  const count = input.locationsCount;
  if (count === 0) return { type: 'invoicing', source: 'inferred' };
  if (count === undefined && input.invoicingHints === true) return { type: 'invoicing', source: 'inferred' };
  return { type: undefined, source: 'unknown' };
}

/** {@link resolveFirmType} from the firm page's facts. */
export function resolveFirmTypeFromFacts(firm: FirmFacts | undefined, remembered?: FirmType | null): ResolvedFirmType {
  if (!firm) return resolveFirmType({ remembered });
  return resolveFirmType({
    shown: firm.firmType.read ? firm.firmType.value : undefined,
    locationsCount: firm.locations.read ? firm.locations.value.length : undefined,
    remembered,
  });
}
