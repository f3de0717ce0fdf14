// ¤¤¤ Section 5: a cooperation agreement (samarbeidsavtale) with every partner the firm wants insurance clients
// from. Without one, that partner's invoices may be rejected. All three firm types.
import { FIRM_TYPES, PARTNERS, type PartnerId } from '../portal/types';
import { judgeFirm, judgement, unreadable } from './judging';
import type { ChecklistSection, Judgement, Target } from './types';

const AGREEMENTS = 'Samarbeidsavtaler';

/** The partners' names as the article writes them (proper nouns: the same in both languages). */
export const PARTNER_NAMES: Readonly<Record<PartnerId, string>> = Object.freeze({
  'digicare-storebrand': 'Digicare (Storebrand)',
  falck: 'Falck Helse',
  'if-vertikal': 'If/Vertikal Helse',
  avonova: 'Avonova Forsikring',
  dkv: 'DKV Hälsa',
});

const isPartner = (p: unknown): p is PartnerId => (PARTNERS as readonly unknown[]).includes(p);

export const agreementsSection: ChecklistSection = {
  id: 'agreements',
  number: 5,
  titleKey: 'checklist.section.agreements.title',
  appliesTo: FIRM_TYPES,
  items: [
    {
      id: 'agreements.wanted',
      titleKey: 'checklist.item.agreements.wanted.title',
      hintKey: 'checklist.item.agreements.wanted.hint',
      whyKey: 'checklist.item.agreements.wanted.why',
      field: AGREEMENTS,
      judge: (facts) => {
        const wanted = facts.wantedPartners;
        const firmTarget: Target = { page: 'agreements', ...(facts.firm ? { firmId: facts.firm.firmId } : {}), field: AGREEMENTS };
        if (wanted === undefined) return judgement('unchecked', 'checklist.result.agreements.askWanted', undefined, firmTarget);
        const partners = [...new Set(wanted.filter(isPartner))];
        if (partners.length === 0) return judgeFirm(facts, () => judgement('ok', 'checklist.result.agreements.noneWanted', undefined, firmTarget));
        if (!facts.firm) return judgeFirm(facts, () => judgement('unchecked', 'checklist.result.firmNotSeen'));
        return partners.map((partner) =>
          judgeFirm(facts, (firm): Judgement => {
            const target: Target = { page: 'agreements', firmId: firm.firmId, field: AGREEMENTS };
            const name = PARTNER_NAMES[partner];
            if (!firm.agreements.read) return unreadable(AGREEMENTS, firm.agreements.reason, target);
            const state = firm.agreements.value.find((a) => a.partner === partner)?.state ?? 'none';
            if (state === 'active') return judgement('ok', 'checklist.result.agreements.active', { partner: name }, target);
            if (state === 'applied') return judgement('attention', 'checklist.result.agreements.applied', { partner: name }, target);
            return judgement('invalid', 'checklist.result.agreements.none', { partner: name }, target);
          }),
        );
      },
    },
  ],
};
