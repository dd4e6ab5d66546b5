import { describe, expect, it } from 'vitest';
import { flag, parseEnv, readSetting, SettingError, whole } from './settings';

describe('the settings reader', () => {
  it('reads whole numbers in range; unset and empty are undefined (the caller default applies)', () => {
    expect(readSetting('X', whole(2), { X: '7' })).toBe(7);
    expect(readSetting('X', whole(2), { X: ' 7 ' })).toBe(7);
    expect(readSetting('X', whole(2), {})).toBeUndefined();
    expect(readSetting('X', whole(2), { X: '' })).toBeUndefined();
  });

  it.each(['abc', '2.5', '1e3', 'NaN', 'Infinity', '0x10', '1', '-3', '5 apples', ' '])('refuses "%s" naming the variable and what it accepts', (raw) => {
    expect(() => readSetting('SUPPRESSION_THRESHOLD', whole(3), { SUPPRESSION_THRESHOLD: raw })).toThrow(SettingError);
    expect(() => readSetting('SUPPRESSION_THRESHOLD', whole(3), { SUPPRESSION_THRESHOLD: raw })).toThrow(`SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "${raw}".`);
  });

  it('names both bounds when there is a maximum', () => {
    expect(() => readSetting('GATEWAY_PORT', whole(0, 65535), { GATEWAY_PORT: '70000' })).toThrow('GATEWAY_PORT must be a whole number between 0 and 65535, got "70000".');
  });

  it('refuses every bad variable at once, one line each, and reads the good ones', () => {
    const settings = { A: whole(1), B: flag, C: whole(0), D: whole(1) };
    expect(parseEnv(settings, { A: '3', B: 'off', D: '' })).toEqual({ A: 3, B: false });
    let error: unknown;
    try {
      parseEnv(settings, { A: 'three', B: 'sometimes', C: '4', D: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingError);
    expect((error as Error).message.split('\n')).toEqual([
      'A must be a whole number ≥ 1, got "three".',
      'B must be on or off (1/0, true/false, yes/no), got "sometimes".',
      'D must be a whole number ≥ 1, got "0".',
    ]);
  });
});
