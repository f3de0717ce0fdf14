// The article's five sections, in its order.
import { firmSection } from './section-1-firm';
import { locationSection } from './section-2-location';
import { practitionersSection } from './section-3-practitioners';
import { bookingSection } from './section-4-booking';
import { agreementsSection } from './section-5-agreements';
import type { ChecklistSection } from './types';

export const SECTIONS: readonly ChecklistSection[] = Object.freeze([
  firmSection,
  locationSection,
  practitionersSection,
  bookingSection,
  agreementsSection,
]);
