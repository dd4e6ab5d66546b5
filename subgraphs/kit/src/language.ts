import Negotiator from 'negotiator';
import { Arg, registerEnumType } from 'type-graphql';

/**
 * The UN working languages names are served in (English and French), and Arabic, which the
 * country data has. A name without a translation in the chosen language is served in English.
 */
export enum Language {
  EN = 'EN',
  FR = 'FR',
  AR = 'AR',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'Language of a name. Without the argument, the one negotiated from the request’s Accept-Language (English by default).',
});

/** BCP 47 tag of each language: what Accept-Language names and Content-Language answers. */
const TAGS: Record<Language, string> = { [Language.EN]: 'en', [Language.FR]: 'fr', [Language.AR]: 'ar' };
const OFFERED = Object.values(TAGS);
const BY_TAG = new Map(Object.entries(TAGS).map(([language, tag]) => [tag, language as Language]));

/**
 * The caller's language from an Accept-Language header (q-values respected, `fr-CA` is French,
 * `*` is the first offered): English when the header is absent or accepts none of ours.
 */
export function negotiateLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(', ') : acceptLanguage;
  if (!header) return Language.EN;
  // What the gateway forwards to every subgraph request: exactly one of our tags, no q-values.
  const exact = BY_TAG.get(header.toLowerCase());
  if (exact) return exact;
  const tag = new Negotiator({ headers: { 'accept-language': header } }).language(OFFERED);
  return (tag && BY_TAG.get(tag.toLowerCase())) || Language.EN;
}

export function languageTag(language: Language): string {
  return TAGS[language];
}

/**
 * The `language:` argument of every `name` field (one convention across the graph): it
 * overrides the request's Accept-Language for that field. Resolve with `language ?? ctx.language`.
 */
export function LanguageArg(): ReturnType<typeof Arg> {
  return Arg('language', () => Language, { nullable: true, description: 'Overrides the request’s Accept-Language for this name.' });
}
