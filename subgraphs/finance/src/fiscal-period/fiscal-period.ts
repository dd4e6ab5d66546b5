import { badInput } from '@peacegraph/kit';

/** The UN peacekeeping financial period runs 1 July – 30 June and is written `2024/25`. */
const PERIOD = /^(\d{4})\/(\d{2})$/;

export interface FiscalPeriodBounds {
  id: string;
  startDate: string;
  endDate: string;
}

/** '2024/25' → 2024-07-01 … 2025-06-30, or null if it is not a well-formed period. */
export function fiscalPeriodBounds(id: string): FiscalPeriodBounds | null {
  const match = PERIOD.exec(id);
  if (!match) return null;
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) return null;
  return { id, startDate: `${start}-07-01`, endDate: `${start + 1}-06-30` };
}

/** Validates a period argument; the error names the argument. */
export function readFiscalPeriod(field: string, id: string): FiscalPeriodBounds {
  const bounds = fiscalPeriodBounds(id);
  if (!bounds) throw badInput(field, `must be a fiscal period like 2024/25 (1 July 2024 – 30 June 2025), got ${JSON.stringify(id)}.`);
  return bounds;
}
