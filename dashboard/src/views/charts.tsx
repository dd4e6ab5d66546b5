import type { ComponentChildren } from 'preact';
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

export interface Column<Row> {
  header: string;
  cell(row: Row): ComponentChildren;
  numeric?: boolean;
  /** The row's label: a `th scope="row"`. */
  rowHeader?: boolean;
  /** Extra attributes for the cell (a suppressed count's class and data-suppressed). */
  props?(row: Row): Record<string, string>;
}

/** A table with column headers, one row per item: every view's tables are this one. */
export function Table<Row>({ columns, rows, rowKey, caption, rowTestId }: { columns: Column<Row>[]; rows: Row[]; rowKey(row: Row): string; caption?: string; rowTestId?: string }) {
  return (
    <table>
      {caption && <caption class="note">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.header}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((c) => {
              const Cell = c.rowHeader ? 'th' : 'td';
              return (
                <Cell key={c.header} scope={c.rowHeader ? 'row' : undefined} class={c.numeric ? 'number' : undefined} {...c.props?.(row)}>
                  {c.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
