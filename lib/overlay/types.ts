/**
 * What the background sends the overlay: the evaluated checklist for the firm the page is about, with
 * every item's texts named (keys), so the content script renders without loading the checklist model,
 * the validators or their catalogues. Types only: the content script imports nothing else from here.
 */
import type { ItemResult, ItemState, SectionId } from '../checklist/types';
import type { ResolvedFirmType } from '../checklist/firm-type';
import type { MessageKey } from '../i18n/core';
import type { PartnerId } from '../portal/types';

export interface ItemView extends ItemResult {
  readonly titleKey: MessageKey;
  readonly hintKey: MessageKey;
  readonly whyKey: MessageKey;
  /** The portal's visible label of the field the item is about (field hints match on it). */
  readonly field?: string;
}

export interface SectionView {
  readonly id: SectionId;
  readonly number: number;
  readonly titleKey: MessageKey;
  readonly applies: boolean;
  readonly items: readonly ItemView[];
}

export type OverlayView =
  | { readonly kind: 'no-firm' }
  | {
      readonly kind: 'firm';
      readonly firmId: string;
      readonly firmName?: string;
      readonly firmType: ResolvedFirmType;
      readonly progress: { readonly done: number; readonly total: number; readonly open: number };
      readonly health: 'ok' | 'warning' | 'error' | 'unknown';
      readonly sections: readonly SectionView[];
      /** Partners the admin said the firm wants clients from (undefined: not said yet). */
      readonly wantedPartners?: readonly PartnerId[];
      /** The firm's seen locations and their people (for the review of who has left). */
      readonly locations: readonly { readonly id: string; readonly name: string; readonly people: readonly { readonly id: string; readonly name: string; readonly role: string }[] }[];
    };

export type { ItemState };
