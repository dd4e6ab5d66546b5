import { describe, expect, it } from 'vitest';
import { calendarDate, isCalendarDate } from './dates';

describe('calendar dates', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '2025-12-31', '1990-01-01'])('%s exists', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2025-02-30', '2025-02-29', '1900-02-29', '2025-13-45', '2025-04-31', '2025-00-10', '2025-01-00', '2025-1-01', '2025-01-01T00:00:00Z', '', '0000-01-01'])(
    '%s is refused',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );

  it('names the field and the problem', () => {
    expect(() => calendarDate('filter.fromDate', '2025-02-30')).toThrow('filter.fromDate: must be a date YYYY-MM-DD that exists ("2025-02-30" does not).');
    expect(() => calendarDate('filter.fromDate', 'yesterday')).toThrow('filter.fromDate: must be a date YYYY-MM-DD.');
    expect(calendarDate('filter.fromDate', '2025-02-28')).toBe('2025-02-28');
  });
});
