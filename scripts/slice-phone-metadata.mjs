#!/usr/bin/env node
// Cuts the phone-number metadata the extension needs (Norway, Svalbard & Jan Mayen, Sweden) out of the
// installed libphonenumber-js package's own `metadata.max.json` and writes
// lib/validation/phone-metadata.generated.json.
//
// Why: the "max" metadata (needed to tell mobile from fixed-line numbers) is ~157 kB for every country, and
// bundlers cannot tree-shake inside a JSON object; the three-country slice is ~3 kB. The slice is passed to
// libphonenumber-js/core as its metadata argument. lib/validation/phone-metadata.test.ts fails when the
// committed file differs from a fresh slice of the installed package, so run this after upgrading it:
//
//   node scripts/slice-phone-metadata.mjs          (write the file)
//   node scripts/slice-phone-metadata.mjs --check  (exit 1 when the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Countries we serve: NO, plus SJ (shares +47 with Norway), plus SE (DKV Hälsa clinics in Sweden). */
export const PHONE_COUNTRIES = Object.freeze(['NO', 'SJ', 'SE']);

export const OUTPUT_PATH = fileURLToPath(new URL('../lib/validation/phone-metadata.generated.json', import.meta.url));

/**
 * A metadata object in libphonenumber-js's own format holding only `countries`.
 * @param {{ version: number, country_calling_codes: Record<string, string[]>, countries: Record<string, unknown>, nonGeographic?: Record<string, unknown> }} full
 * @param {readonly string[]} countries
 */
export function slicePhoneMetadata(full, countries = PHONE_COUNTRIES) {
  const wanted = new Set(countries);
  /** @type {Record<string, string[]>} */
  const callingCodes = {};
  for (const [code, list] of Object.entries(full.country_calling_codes)) {
    const kept = list.filter((c) => wanted.has(c));
    if (kept.length > 0) callingCodes[code] = kept;
  }
  /** @type {Record<string, unknown>} */
  const picked = {};
  for (const country of [...wanted].sort()) {
    if (!(country in full.countries)) throw new Error(`libphonenumber-js metadata has no country ${country}`);
    picked[country] = full.countries[country];
  }
  return { version: full.version, country_calling_codes: callingCodes, countries: picked, nonGeographic: {} };
}

/** The slice of the installed package, as the exact text written to disk. */
export function freshSliceText() {
  const require = createRequire(import.meta.url);
  const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8'));
  return `${JSON.stringify(slicePhoneMetadata(full), null, 2)}\n`;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const text = freshSliceText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT_PATH, 'utf8');
    } catch {
      // missing file: stale
    }
    if (current !== text) {
      console.error(`${OUTPUT_PATH} is stale: run node scripts/slice-phone-metadata.mjs`);
      process.exit(1);
    }
    console.log('phone metadata slice is current');
  } else {
    writeFileSync(OUTPUT_PATH, text);
    console.log(`wrote ${OUTPUT_PATH} (${text.length} bytes)`);
  }
}
