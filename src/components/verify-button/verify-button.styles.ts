import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }

  [part='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.5rem;
    padding: 0.5em 1em;
    font: inherit;
    font-weight: 600;
    color: var(--_bg);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part='button']:hover {
    filter: brightness(1.08);
  }
  [part='button']:focus-visible,
  dialog button:focus-visible,
  summary:focus-visible,
  pre:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='button'][aria-busy='true'] {
    cursor: progress;
  }
  [part='button']:disabled {
    color: var(--_muted);
    background: var(--_surface);
    border-color: var(--_border);
    cursor: not-allowed;
    filter: none;
  }
  .unavailable {
    display: block;
    margin: 0.25em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  dialog {
    box-sizing: border-box;
    width: min(46rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: var(--_space);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_font);
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  h2 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: var(--_space) 0 0.5em;
    font-size: 1em;
  }

  .verdict {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid currentColor;
  }
  .verdict strong {
    font-size: 1.05em;
  }
  .verdict ul {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .verified {
    color: var(--_ok);
    background: var(--_ok-bg);
  }
  .failed {
    color: var(--_bad);
    background: var(--_bad-bg);
  }
  .indeterminate {
    color: var(--_warn);
    background: var(--_warn-bg);
  }
  .verifying,
  .idle {
    color: var(--_fg);
    background: var(--_surface);
  }

  .progress {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .progress li {
    display: flex;
    gap: 0.5em;
    padding: 0.2em 0;
    color: var(--_muted);
  }
  .progress li[data-progress='current'] {
    color: var(--_fg);
    font-weight: 600;
  }
  .progress li[data-progress='done'] {
    color: var(--_fg);
  }

  .icon {
    display: inline-block;
    min-width: 1.1em;
    text-align: center;
    font-weight: 700;
  }

  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_space) 0 0.5em;
  }
  th,
  td {
    padding: 0.4em 0.5em;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
  }
  td {
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
  }
  .outcome,
  td code {
    white-space: nowrap;
  }
  .outcome[data-outcome='passed'] {
    color: var(--_ok);
  }
  .outcome[data-outcome='failed'] {
    color: var(--_bad);
  }
  .outcome[data-outcome='indeterminate'] {
    color: var(--_warn);
  }
  .outcome[data-outcome='skipped'] {
    color: var(--_muted);
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 0.75em;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .nested {
    margin: 0.5em 0 0;
    padding-inline-start: 1.5em;
  }

  details {
    margin-top: var(--_space);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  pre {
    max-height: 40vh;
    overflow: auto;
    margin: 0.5em 0 0;
    padding: 0.75em;
    font-size: 0.8em;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
    margin-top: var(--_space);
  }
  .actions button {
    min-height: 2.25rem;
    padding: 0.4em 1em;
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .actions button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: progress;
  }
  .actions .primary {
    color: var(--_bg);
    background: var(--_accent);
    border-color: var(--_accent);
  }


  @media (prefers-reduced-motion: no-preference) {
    .progress li[data-progress='current'] .icon {
      animation: pulse 1s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.35;
    }
  }
`;
