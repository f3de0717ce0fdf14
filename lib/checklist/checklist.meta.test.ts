// Keeps the checklist's conventions honest: every item has nb/en title, hint and why, follows the key naming,
// belongs to its section's file, and is mentioned by at least one unit test.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messageTables } from '../i18n';
import { FIRM_TYPES } from '../portal/types';
import { SECTIONS } from './sections';
import { ITEM_STATES, SECTION_IDS } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here);
const testSources = files
  .filter((f) => f.endsWith('.test.ts') && f !== 'checklist.meta.test.ts')
  .map((f) => readFileSync(join(here, f), 'utf8'));
const tables = messageTables();
const items = SECTIONS.flatMap((s) => s.items.map((item) => ({ section: s, item })));

function expectText(key: string) {
  for (const locale of ['nb', 'en'] as const) {
    const text = tables[locale][key];
    expect(text, `${locale} ${key}`).toBeTypeOf('string');
    expect(text!.trim(), `${locale} ${key}`).not.toBe('');
  }
}

describe('checklist meta', () => {
  it('has the five sections of the article, in order, each in its own file', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    SECTIONS.forEach((s, i) => {
      expect(s.number).toBe(i + 1);
      expect(files, `section-${s.number}-${s.id}.ts`).toContain(`section-${s.number}-${s.id}.ts`);
      expectText(s.titleKey);
      expect(s.titleKey).toBe(`checklist.section.${s.id}.title`);
    });
  });

  it("follows the article's colour marks (¤¤¤ all three types, ¤¤ the two with locations)", () => {
    const withLocations = ['co-invoicing', 'shared-location'];
    expect(SECTIONS.map((s) => [s.id, [...s.appliesTo].sort()])).toEqual([
      ['firm', [...FIRM_TYPES].sort()],
      ['location', withLocations],
      ['practitioners', withLocations],
      ['booking', withLocations],
      ['agreements', [...FIRM_TYPES].sort()],
    ]);
    // The article's note "a firm used only for invoicing must not have locations" is an invoicing-only item.
    expect(items.some(({ item }) => item.appliesTo?.includes('invoicing') && item.appliesTo.length === 1)).toBe(true);
  });

  it('item ids are unique and start with their section id', () => {
    const ids = items.map(({ item }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { section, item } of items) expect(item.id.startsWith(`${section.id}.`), item.id).toBe(true);
  });

  for (const { item } of items) {
    it(`${item.id}: nb and en title, hint and why, under checklist.item.${item.id}.*`, () => {
      expect(item.titleKey).toBe(`checklist.item.${item.id}.title`);
      expect(item.hintKey).toBe(`checklist.item.${item.id}.hint`);
      expect(item.whyKey).toBe(`checklist.item.${item.id}.why`);
      for (const key of [item.titleKey, item.hintKey, item.whyKey]) expectText(key);
    });
    it(`${item.id}: has a behaviour test, not only a row in the applicability table`, () => {
      const mentions = testSources.reduce((n, src) => n + src.split(`'${item.id}'`).length - 1, 0);
      expect(mentions, `'${item.id}' appears ${mentions} time(s) in the unit tests`).toBeGreaterThanOrEqual(2);
    });
  }

  it('every state and firm type has a label', () => {
    for (const state of ITEM_STATES) expectText(`checklist.state.${state}`);
    for (const type of FIRM_TYPES) {
      expectText(`checklist.firmType.${type}`);
      expectText(`checklist.firmType.${type}.about`);
    }
  });

  it('every checklist message key written in the sources exists', () => {
    const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(join(here, f), 'utf8'));
    const keys = new Set(sources.flatMap((src) => [...src.matchAll(/'(checklist\.[\w.-]+)'/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) expectText(key);
  });
});
