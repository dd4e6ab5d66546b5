// The dashboard's one string catalogue: French has every English key (francophone missions get no
// English fallbacks), placeholders agree, and the translator fills them with localised numbers.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, translator } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dashboard string catalogue', () => {
  it('French translates every English key with the same placeholders', () => {
    const english = CATALOGUE.en as Record<string, string>;
    const french = CATALOGUE.fr as Record<string, string>;
    const untranslated = Object.keys(english).filter((key) => !(key in french) && english[key] !== '–');
    expect(untranslated).toEqual([]);
    for (const key of Object.keys(french)) expect(placeholders(french[key]!), key).toEqual(placeholders(english[key]!));
  });

  it('fills placeholders, numbers in the language’s format', () => {
    expect(translator('fr')('incidentsShown', { count: 1500 })).toBe('1\u202f500 incidents dessinés tels que le graphe les a renvoyés.');
    expect(translator('en')('withheld', { dataClass: 'PARTNER' })).toBe('Withheld: your organisation is not cleared for PARTNER data.');
  });
});
