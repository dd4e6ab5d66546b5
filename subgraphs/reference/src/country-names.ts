import { createRequire } from 'node:module';
import isoCountries, { type LocaleData } from 'i18n-iso-countries';
import { Language } from '@peacegraph/kit';

// Only the locales served are loaded (the package ships ~80).
const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/fr.json') as LocaleData);
isoCountries.registerLocale(require('i18n-iso-countries/langs/ar.json') as LocaleData);

/**
 * A country's name in a language. English is the UN M49 short name the catalogue keeps
 * (countries.ts): the library's English differs for some (`Cape Verde` for Cabo Verde, `South
 * Korea` for the Republic of Korea). French and Arabic are `i18n-iso-countries`' names, by
 * ISO3; states the library does not know (Yugoslavia, Serbia and Montenegro) keep the English.
 */
export function countryName(country: { iso3: string; name: string }, language: Language): string {
  if (language === Language.EN) return country.name;
  return isoCountries.getName(country.iso3, language.toLowerCase(), { select: 'official' }) ?? country.name;
}
