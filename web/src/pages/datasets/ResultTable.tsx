import { type Component, For } from 'solid-js';

/** A grid of rows (lists of values in column order) under their column names. */
export const ResultTable: Component<{ columns: string[]; rows: unknown[][]; label: string }> = (props) => (
  <div class="result-table">
    <table class="data-table" aria-label={props.label}>
      <thead>
        <tr>
          <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <For each={row}>{(value) => <td>{value === null ? '—' : String(value)}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </div>
);
