// Public API of the checklist model. Pure: no browser APIs, no DOM.
export { evaluateChecklist, evaluateSection, itemApplies, type ChecklistResult, type Progress, type SectionResult } from './evaluate';
export { resolveFirmType, resolveFirmTypeFromFacts, isFirmType, type FirmTypeInput, type FirmTypeSource, type ResolvedFirmType } from './firm-type';
export { nameSimilarity, isPlausiblySamePerson, SAME_PERSON, DIFFERENT_PERSON } from './names';
export { SECTIONS } from './sections';
export { PARTNER_NAMES } from './section-5-agreements';
export { STATE_RANK, worstState, healthOf, type Health } from './state';
export * from './types';
