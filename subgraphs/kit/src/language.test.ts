import { describe, expect, it } from 'vitest';
import { Language, languageTag, negotiateLanguage } from './language';

describe('negotiateLanguage (Accept-Language)', () => {
  it('is English without a header', () => {
    expect(negotiateLanguage(undefined)).toBe(Language.EN);
    expect(negotiateLanguage('')).toBe(Language.EN);
  });

  it.each([
    ['fr', Language.FR],
    ['ar', Language.AR],
    ['en', Language.EN],
    ['AR', Language.AR],
    ['en-GB', Language.EN],
    ['fr-CA', Language.FR],
    ['FR-fr', Language.FR],
    ['ar-SD,ar;q=0.9', Language.AR],
  ])('%s gives %s', (header, language) => expect(negotiateLanguage(header)).toBe(language));

  it('follows q-values, not the order written', () => {
    expect(negotiateLanguage('en;q=0.4, fr;q=0.8')).toBe(Language.FR);
    expect(negotiateLanguage('fr;q=0.3, ar;q=0.7, en;q=0.5')).toBe(Language.AR);
  });

  it('skips languages we do not serve for the next one the caller accepts', () => {
    expect(negotiateLanguage('de-DE, de;q=0.9, fr;q=0.5')).toBe(Language.FR);
    expect(negotiateLanguage('es, *;q=0.1')).toBe(Language.EN);
  });

  it('is English when the caller accepts none of ours, or refuses French with q=0', () => {
    expect(negotiateLanguage('de, es')).toBe(Language.EN);
    expect(negotiateLanguage('fr;q=0')).toBe(Language.EN);
  });

  it('takes repeated headers together', () => {
    expect(negotiateLanguage(['de', 'fr;q=0.5'])).toBe(Language.FR);
  });

  it('answers with the BCP 47 tag', () => {
    expect([Language.EN, Language.FR, Language.AR].map(languageTag)).toEqual(['en', 'fr', 'ar']);
  });
});
