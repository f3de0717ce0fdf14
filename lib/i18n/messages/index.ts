// Every feature area's catalogue, merged. Add a feature's file here (one line) when you create it.
import board from './board';
import booking from './booking';
import bookingui from './bookingui';
import checklist from './checklist';
import common from './common';
import drafts from './drafts';
import pages from './pages';
import overlay from './overlay';
import forms from './forms';
import validation from './validation';
import type { Catalogue } from '../define';

export const catalogues = {
  board,
  booking,
  bookingui,
  checklist,
  common,
  drafts,
  pages,
  overlay,
  forms,
  validation,
} as const satisfies Record<string, Catalogue>;

type AllKeys<C> = C extends Catalogue<infer K> ? K : never;
export type MessageKey = AllKeys<(typeof catalogues)[keyof typeof catalogues]>;
