import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* The passport has no background of its own: its text takes the page's colour unless --vb-foreground is set
       (the cards, buttons and select carry their own background and colours). */
    color: var(--vb-foreground, inherit);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }
  .summary {
    margin: 0;
    font-weight: 600;
  }
  .summary:empty {
    display: none;
  }
  .summary.error {
    color: var(--_bad);
  }
  .controls {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.25em 0.5em;
  }
  .skills {
    margin-block-end: var(--_space);
  }
  .skills-title {
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 600;
  }
  .skills ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .skill {
    display: inline-flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.4em;
    font: inherit;
    font-size: 0.9em;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.3em 0.8em;
    cursor: pointer;
    text-align: start;
  }
  .skill:hover {
    border-color: var(--_accent);
  }
  .skill:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* The chosen skill: a tick and a heavier border as well as the colour. */
  .skill[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    font-weight: 600;
  }
  .tick {
    display: none;
  }
  .skill[aria-pressed='true'] .tick {
    display: inline;
  }
  .skill-code {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .count {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-width: 1.5em;
    text-align: center;
    border-radius: 999px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    padding: 0 0.4em;
  }
  .unbacked .skill-name {
    color: var(--_muted);
  }
  .unbacked .count {
    color: var(--_muted);
    border-style: dashed;
  }
  .empty {
    margin: var(--_space) 0;
    font-style: italic;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--vb-passport-column, 18rem)), 1fr));
    gap: var(--_space);
    align-items: start;
  }
  .grid[hidden] {
    display: none;
  }
  /* The passport's own cards out of view are neither laid out nor painted until they scroll near: a hundred cards
     settling one by one would otherwise lay out the whole grid again each time. */
  .grid > vb-badge-card {
    content-visibility: auto;
    contain-intrinsic-size: auto 18rem;
  }
  @media (forced-colors: active) {
    .skill[aria-pressed='true'] {
      border-color: Highlight;
    }
  }
`;
