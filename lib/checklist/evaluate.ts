// evaluateChecklist(facts, firmType): every section's items judged for this firm type, with progress and health.
import type { MessageKey } from '../i18n/messages';
import { FIRM_TYPES, type FirmType } from '../portal/types';
import { judgement } from './judging';
import { SECTIONS } from './sections';
import { healthOf, type Health } from './state';
import type { ChecklistFacts, ChecklistItem, ChecklistSection, ItemResult, Judgement, SectionId } from './types';

export interface SectionResult {
  readonly id: SectionId;
  readonly number: number;
  readonly titleKey: MessageKey;
  /** False when no item of the section applies to the firm type (its items are then all `na`). */
  readonly applies: boolean;
  readonly items: readonly ItemResult[];
}

export interface Progress {
  /** Results that are `ok`. */
  readonly done: number;
  /** Results that apply (everything but `na`). */
  readonly total: number;
  readonly open: number;
}

export interface ChecklistResult {
  readonly firmType: FirmType | undefined;
  readonly sections: readonly SectionResult[];
  readonly progress: Progress;
  readonly health: Health;
}

const appliesToAll = (types: readonly FirmType[]) => FIRM_TYPES.every((t) => types.includes(t));

/** Whether an item applies: `true`, `false`, or `undefined` when it depends on a firm type we do not know. */
export function itemApplies(section: ChecklistSection, item: ChecklistItem, firmType: FirmType | undefined): boolean | undefined {
  const types = item.appliesTo ?? section.appliesTo;
  if (firmType === undefined) return appliesToAll(types) ? true : undefined;
  return types.includes(firmType);
}

function judgeSafely(item: ChecklistItem, facts: ChecklistFacts): readonly Judgement[] {
  try {
    const out = item.judge(facts);
    const list = Array.isArray(out) ? (out as readonly Judgement[]) : [out as Judgement];
    return list.length > 0 ? list : [judgement('na', 'checklist.result.noLocations')];
  } catch (error) {
    // A judge must never take the whole checklist down in the content script; tests assert this never happens.
    return [judgement('unreadable', 'checklist.result.internalError', { field: item.id, reason: error instanceof Error ? error.message : String(error) })];
  }
}

export function evaluateSection(section: ChecklistSection, facts: ChecklistFacts, firmType: FirmType | undefined): SectionResult {
  const items: ItemResult[] = [];
  let applies = false;
  for (const item of section.items) {
    const applicable = itemApplies(section, item, firmType);
    let judged: readonly Judgement[];
    if (applicable === undefined) judged = [judgement('unchecked', 'checklist.result.firmTypeUnknown')];
    else if (!applicable) judged = [judgement('na', 'checklist.result.notApplicable')];
    else judged = judgeSafely(item, facts);
    if (applicable !== false) applies = true;
    for (const j of judged) items.push({ ...j, id: item.id, section: section.id });
  }
  return { id: section.id, number: section.number, titleKey: section.titleKey, applies, items };
}

/**
 * Judges every item for `firmType`. With the type unknown, items for all three types are judged and the others
 * are `unchecked` ("tell us the firm type"). `na` results are left out of the progress; `done` counts `ok`.
 */
export function evaluateChecklist(facts: ChecklistFacts, firmType: FirmType | undefined): ChecklistResult {
  const sections = SECTIONS.map((s) => evaluateSection(s, facts, firmType));
  const states = sections.flatMap((s) => s.items.map((i) => i.state)).filter((s) => s !== 'na');
  const done = states.filter((s) => s === 'ok').length;
  return {
    firmType,
    sections,
    progress: { done, total: states.length, open: states.length - done },
    health: healthOf(states),
  };
}
