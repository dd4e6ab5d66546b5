// The missions the dashboard offers: those whose host country has shipped boundaries.
export interface MissionChoice {
  acronym: string;
  countryIso3: string;
  /** Francophone missions open in French by default. */
  language: 'en' | 'fr';
}

export const MISSIONS: MissionChoice[] = [
  { acronym: 'MINUSCA', countryIso3: 'CAF', language: 'fr' },
  { acronym: 'MONUSCO', countryIso3: 'COD', language: 'fr' },
  { acronym: 'UNMISS', countryIso3: 'SSD', language: 'en' },
];
