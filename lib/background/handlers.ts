/**
 * The background's message handlers, with every browser API injected (badge, storage via the facts
 * memory), so the whole router is unit-testable. The entrypoint only wires real APIs in.
 */
import { badgeFor, type BadgeState } from '../badge';
import type { FactsMemory } from '../facts/memory';
import type { Handlers, HandlerContext } from '../messaging/handler';
import type { Health } from '../messaging/protocol';
import { buildOverlayView } from '../overlay/view';
import { messageTable } from '../i18n';
import type { AddressChecker } from './address-checks';
import type { FieldValidator } from './field-validation';
import type { BookingService } from './booking-service';
import { createDraftHandlers, type DraftHandlerDeps } from './draft-handlers';
import type { BoardService } from '../board/service';

export interface BadgePort {
  set(tabId: number, state: BadgeState): Promise<void>;
  get(tabId: number): Promise<{ text: string; health: Health }>;
}

export interface BackgroundDeps extends DraftHandlerDeps {
  version: string;
  mode: string;
  memory: FactsMemory;
  badge: BadgePort;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  now?: () => number;
  /** Address checks against Kartverket (absent: addresses stay "not checked yet"). */
  addresses?: AddressChecker;
  /** Whether an origin an extension page names is one of the portal's (content scripts' come from the sender). */
  isPortalOrigin?: (origin: string) => boolean;
  /** The booking companion (absent: its messages answer "unavailable"). */
  booking?: BookingService;
  /** The booking companion's latest check per location of an origin (feeds "booking tested OK recently"). */
  bookingChecks?: (origin: string) => Promise<Record<string, { status: 'ok' | 'no-service' | 'connect-failed' | 'error'; at: number }>>;
  /** A content script reported from this portal origin (the booking companion reads the portal there). */
  onPortalSeen?: (origin: string) => void;
  /** Field validation with the registers behind it. */
  validateField?: FieldValidator;
  /** Injects the edit-form script into a tab's top frame (idempotent: the script guards itself). */
  injectForms?: (tabId: number) => Promise<void>;
  /** The all-locations board ("Les alle", its view). Absent: its messages answer "unavailable". */
  board?: BoardService;
  /** Opens the portal on a location and starts the removal guide there; the plan is kept per tab for `guide.plan`. */
  guideRemoval?: (locationId: string, personId: string) => Promise<boolean>;
  /** The guide plan waiting for a tab (null: none). */
  guidePlan?: (tabId: number) => { kind: 'remove-person'; locationId: string; personId: string; personName: string } | null;
  /** Asks a tab's overlay to report again (a late register answer changed its checklist). */
  refreshTab?: (tabId: number) => void;
}

/** How long a fact report waits for register answers before answering without them. */
export const ADDRESS_DEADLINE_MS = 1_500;

/** The portal origin a content-script message came from (sender checks already passed). */
function senderOrigin(ctx: HandlerContext): string {
  return new URL(ctx.sender.url ?? '').origin;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...createDraftHandlers(deps),
    ping: () => ({ version: deps.version, mode: deps.mode }),
    'overlay.status': async ({ openItems, health }, { tabId }) => {
      const badge = badgeFor(openItems, health);
      if (tabId !== undefined) await deps.badge.set(tabId, badge);
      return { badgeText: badge.text };
    },
    'badge.get': ({ tabId }) => deps.badge.get(tabId),
    'facts.report': async (payload, ctx) => {
      const origin = senderOrigin(ctx);
      deps.onPortalSeen?.(origin);
      const seen: Parameters<FactsMemory['remember']>[1] = {};
      if (payload.admin) seen.admin = payload.admin;
      if (payload.firm) seen.firm = payload.firm;
      if (payload.location) seen.location = payload.location;
      await deps.memory.remember(origin, seen);
      if (payload.location) void deps.board?.notePage(origin, payload.location).catch(() => undefined);
      const where: { firmId?: string; locationId?: string } = {};
      const firmId = payload.firm?.firmId ?? payload.firmId;
      const locationId = payload.location?.locationId ?? payload.locationId;
      if (firmId) where.firmId = firmId;
      if (locationId) where.locationId = locationId;
      const recalled = await deps.memory.recall(origin, where);
      const tabId = ctx.tabId;
      const addressChecks = deps.addresses
        ? await deps.addresses.forLocations(origin, recalled.locations, {
            deadlineMs: ADDRESS_DEADLINE_MS,
            ...(tabId !== undefined && deps.refreshTab ? { onLate: () => deps.refreshTab?.(tabId) } : {}),
          })
        : {};
      // The view's static type is richer than its wire schema (the handler re-validates it against the schema).
      const practitionersGone = Object.fromEntries(Object.entries(recalled.prefs.reviews ?? {}).map(([id, r]) => [id, r.gone]));
      const bookingChecks = deps.bookingChecks ? await deps.bookingChecks(origin).catch(() => ({})) : {};
      return { recalled, view: buildOverlayView(recalled, (deps.now ?? Date.now)(), { addressChecks, practitionersGone, bookingChecks }) as never };
    },
    'validate.field': async (payload, ctx) => {
      if (!deps.validateField) throw new Error('validation unavailable');
      // The admin's own e-mail (for "invoice e-mail equals your own") comes from what the portal showed.
      const origin = ctx.kind === 'content' ? senderOrigin(ctx) : undefined;
      const admin = origin ? (await deps.memory.recall(origin, {})).admin : undefined;
      const adminEmail = admin?.email.read ? admin.email.value : undefined;
      const { country, ...input } = payload;
      const result = await deps.validateField(input as never, { ...(adminEmail ? { adminEmail } : {}), ...(country ? { country } : {}) });
      return result as never;
    },
    'forms.attach': async (_payload, { tabId }) => {
      if (tabId === undefined || !deps.injectForms) return { attached: false };
      await deps.injectForms(tabId);
      return { attached: true };
    },
    'booking.refresh': () => {
      if (!deps.booking) throw new Error('booking unavailable');
      return deps.booking.refresh();
    },
    'booking.run': ({ locationIds }) => {
      if (!deps.booking) throw new Error('booking unavailable');
      return deps.booking.run(locationIds);
    },
    'booking.cancel': () => {
      if (!deps.booking) throw new Error('booking unavailable');
      return deps.booking.cancel();
    },
    'board.readAll': () => {
      if (!deps.board) throw new Error('board unavailable');
      return deps.board.readAll();
    },
    'board.cancel': () => {
      if (!deps.board) throw new Error('board unavailable');
      return deps.board.cancel();
    },
    'board.view': async () => {
      if (!deps.board) throw new Error('board unavailable');
      // The views' static type is richer than the wire schema (the handler re-validates against it).
      return (await deps.board.view()) as never;
    },
    'roster.guide': async ({ locationId, personId }) => {
      if (!deps.guideRemoval) throw new Error('guide unavailable');
      return { opened: await deps.guideRemoval(locationId, personId) };
    },
    'guide.plan': (_payload, { tabId }) => ({ plan: tabId !== undefined && deps.guidePlan ? deps.guidePlan(tabId) : null }),
    'i18n.table': ({ locale }) => ({ locale, table: { ...messageTable(locale) } }),
    'firm.prefs': async ({ origin, firmId, firmType, wantedPartners, review }, ctx) => {
      // A content script may only speak for its own portal origin; extension pages name the origin.
      const target = ctx.kind === 'content' ? senderOrigin(ctx) : origin;
      if (!target) throw new Error('origin required');
      if (ctx.kind !== 'content' && deps.isPortalOrigin && !deps.isPortalOrigin(target)) throw new Error('not a portal origin');
      const patch: Parameters<FactsMemory['setPrefs']>[2] = {};
      if (firmType !== undefined) patch.firmType = firmType;
      if (wantedPartners !== undefined) patch.wantedPartners = wantedPartners;
      if (review) patch.review = { ...review, at: (deps.now ?? Date.now)() };
      return deps.memory.setPrefs(target, firmId, patch);
    },
    'log.report': ({ level, message }) => {
      deps.log?.(level, message);
      return { received: true };
    },
  };
}
