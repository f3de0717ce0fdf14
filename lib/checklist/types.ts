// The checklist's model: what an item is, what it judges from, and what it answers. Pure types.
import type { MessageKey } from '../i18n/messages';
import type { AdminFacts, FirmFacts, FirmType, LocationFacts, PartnerId } from '../portal/types';
import type { Verdict } from '../validation/verdict';

/**
 * - `ok`: checked and in order.
 * - `attention`: probably wrong or incomplete (the portal accepts it, but the article says fix it).
 * - `invalid`: wrong; must be fixed.
 * - `unchecked`: never seen (open the page), or something we need from the admin (firm type, wanted partners).
 * - `stale`: last seen more than {@link STALE_AFTER_MS} ago; `seenAt` says when, `lastKnown` what it was then.
 * - `unreadable`: the page did not show what we expected (the portal changed); never shown as a green tick.
 * - `na`: does not apply to this firm type (or to this location, e.g. no online booking set up).
 */
export const ITEM_STATES = ['ok', 'attention', 'invalid', 'unchecked', 'stale', 'unreadable', 'na'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** Facts older than this are shown as stale (they are remembered across visits). */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** A successful booking test older than this should be repeated. */
export const BOOKING_TEST_FRESH_MS = 30 * 24 * 60 * 60 * 1000;

/** Result of checking a location's four address fields against Kartverket (lib/validation, in the background). */
export type AddressCheck = 'verified' | 'not-found' | 'mismatch' | 'unverified';

/**
 * Our own booking check (lib/booking, "Test og Lagre" run by the extension):
 * `ok` = "Suksess"; `no-service` = "OK Connecting" then "ERROR Found at least one service with known service code";
 * `connect-failed` = "ERROR Connecting to booking system"; `error` = the check itself could not run to the end.
 */
export type BookingCheckStatus = 'ok' | 'no-service' | 'connect-failed' | 'error';
export interface BookingCheck {
  readonly status: BookingCheckStatus;
  /** Epoch ms. */
  readonly at: number;
}

export interface ChecklistFacts {
  /** Epoch ms; passed in so that judging stays pure. */
  readonly now: number;
  readonly admin?: AdminFacts | undefined;
  readonly firm?: FirmFacts | undefined;
  /** The latest facts seen for the firm's locations (others are ignored when the firm lists its locations). */
  readonly locations: readonly LocationFacts[];
  /** Partners the firm wants insurance clients from; undefined = the admin has not said yet. */
  readonly wantedPartners?: readonly PartnerId[] | undefined;
  /** By location id. */
  readonly addressChecks?: Readonly<Record<string, AddressCheck>> | undefined;
  /** By location id: the latest check the extension ran. */
  readonly bookingChecks?: Readonly<Record<string, BookingCheck>> | undefined;
  /**
   * By location id: person ids (or names) the admin marked as no longer working there. A location present with
   * an empty list means "reviewed, nobody gone"; a missing location means "not reviewed yet".
   */
  readonly practitionersGone?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** Where the UI should send the admin to fix an item. `field` is the portal's visible label. */
export type TargetPage = 'firm' | 'firmEdit' | 'location' | 'locationEdit' | 'booking' | 'onlineManager' | 'agreements';
export interface Target {
  readonly page: TargetPage;
  readonly firmId?: string;
  readonly locationId?: string;
  readonly field?: string;
}

export type ResultParams = Readonly<Record<string, string | number>>;

/** A finding inside one result (one Online Manager row, one partner …). */
export interface ResultDetail {
  readonly state: ItemState;
  readonly messageKey: MessageKey;
  readonly params?: ResultParams;
}

export interface ItemResult {
  readonly id: string;
  readonly section: SectionId;
  readonly state: ItemState;
  /** What to tell the admin about this result (the item's own title is `titleKey` of the item). */
  readonly messageKey: MessageKey;
  readonly params?: ResultParams;
  /** When the facts behind this result were read (epoch ms). */
  readonly seenAt?: number;
  /** For `stale`: what the remembered facts said at `seenAt`. */
  readonly lastKnown?: { readonly state: ItemState; readonly messageKey: MessageKey; readonly params?: ResultParams };
  readonly target?: Target;
  /** Set on per-location results. */
  readonly locationId?: string;
  readonly locationName?: string;
  /** The validator's verdict, when a field validator judged the value (carries `fix` suggestions). */
  readonly verdict?: Verdict;
  readonly details?: readonly ResultDetail[];
}

export const SECTION_IDS = ['firm', 'location', 'practitioners', 'booking', 'agreements'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** What a judge returns; `evaluateChecklist` adds `id` and `section`. */
export type Judgement = Omit<ItemResult, 'id' | 'section'>;

export interface ChecklistItem {
  /** Stable id ("firm.invoiceEmail"): storage, tests and message keys use it. */
  readonly id: string;
  readonly titleKey: MessageKey;
  /** Short hint shown beside the portal field. */
  readonly hintKey: MessageKey;
  /** The article's reason. */
  readonly whyKey: MessageKey;
  /** The portal's visible label of the field this item is about. */
  readonly field?: string;
  /** Overrides the section's `appliesTo`. */
  readonly appliesTo?: readonly FirmType[];
  /** Never throws on facts-shaped input; returns one result, or one per location / partner. */
  readonly judge: (facts: ChecklistFacts) => Judgement | readonly Judgement[];
}

export interface ChecklistSection {
  readonly id: SectionId;
  /** 1–5, the article's order. */
  readonly number: number;
  readonly titleKey: MessageKey;
  /** The article's colour marks: ¤¤¤ = all three firm types, ¤¤ = the two with locations. */
  readonly appliesTo: readonly FirmType[];
  readonly items: readonly ChecklistItem[];
}
