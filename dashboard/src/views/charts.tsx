import { formatNumber, type Language } from '../i18n';

/** A labelled horizontal bar: the number is always written out, the bar only illustrates it. */
export function Bar({ label, value, max, language }: { label: string; value: number; max: number; language: Language }) {
  return (
    <div class="bar-row">
      <span class="bar-label">{label}</span>
      <span class="bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, (value / (max || 1)) * 100))}%` }} />
      </span>
      <span class="bar-value">{formatNumber(language, value)}</span>
    </div>
  );
}
