import { describe, expect, it } from 'vitest';
import { intSetting, SettingError } from './settings';

describe('intSetting', () => {
  it('reads whole numbers in range, and the fallback when unset or empty', () => {
    expect(intSetting('X', 5, { min: 2 }, { X: '7' })).toBe(7);
    expect(intSetting('X', 5, { min: 2 }, { X: ' 7 ' })).toBe(7);
    expect(intSetting('X', 5, { min: 2 }, {})).toBe(5);
    expect(intSetting('X', 5, { min: 2 }, { X: '' })).toBe(5);
  });

  it.each(['abc', '2.5', '1e3', 'NaN', 'Infinity', '0x10', '1', '-3', '5 apples'])('refuses "%s" naming the variable', (raw) => {
    expect(() => intSetting('SUPPRESSION_THRESHOLD', 5, { min: 2 }, { SUPPRESSION_THRESHOLD: raw })).toThrow(SettingError);
    expect(() => intSetting('SUPPRESSION_THRESHOLD', 5, { min: 2 }, { SUPPRESSION_THRESHOLD: raw })).toThrow(
      `SUPPRESSION_THRESHOLD must be a whole number ≥ 2, got "${raw}".`,
    );
  });

  it('names both bounds when there is a maximum', () => {
    expect(() => intSetting('GATEWAY_PORT', 4000, { max: 65535 }, { GATEWAY_PORT: '70000' })).toThrow('GATEWAY_PORT must be a whole number between 0 and 65535, got "70000".');
  });
});
