/** One catalogue per feature area: bokmål first (the source of truth for keys), English second. */
export type Catalogue<K extends string = string> = { readonly nb: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

/**
 * Declares a feature's messages. `en` must carry exactly the keys of `nb` (the type system checks it;
 * `i18n.test.ts` checks it again at run time together with the `{placeholders}`).
 */
export function defineMessages<const NB extends Record<string, string>>(
  nb: NB,
  en: { readonly [K in keyof NB]: string },
): Catalogue<Extract<keyof NB, string>> {
  return { nb, en } as Catalogue<Extract<keyof NB, string>>;
}
