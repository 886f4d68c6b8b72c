import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_image: var(--vb-image-size, 96px);
    line-height: 1.5;
    font-size: 1rem;
  }
  :host([compact]) {
    --_image: var(--vb-image-size, 48px);
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    height: 100%;
    padding: var(--_space);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  :host([compact]) .card {
    padding: calc(var(--_space) * 0.75);
    gap: calc(var(--_space) * 0.5);
  }
  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
  }
  .muted {
    color: var(--_muted);
  }

  /* Header: image, title, issuer */
  .header {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .image {
    flex: none;
    width: var(--_image);
    height: var(--_image);
    display: grid;
    place-items: center;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    overflow: hidden;
  }
  .image img,
  .image ::slotted(*) {
    max-width: 100%;
    max-height: 100%;
    object-fit: contain;
  }
  .placeholder {
    width: 70%;
    height: 70%;
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .heading {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .title {
    font-size: 1.2em;
    font-weight: 650;
    line-height: 1.25;
  }
  :host([compact]) .title {
    font-size: 1.05em;
  }
  .issuer {
    font-size: 0.9em;
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.4em;
    align-items: baseline;
  }
  .issuer-name {
    font-weight: 600;
  }
  .issuer-id {
    color: var(--_muted);
  }
  .issuer-id.is-verified {
    color: var(--_ok);
  }
  .id-label {
    font-size: 0.9em;
  }
  .issuer-warning {
    flex-basis: 100%;
    display: flex;
    gap: 0.4em;
    align-items: baseline;
    padding: 0.25em 0.5em;
    border-radius: calc(var(--_radius) * 0.5);
    color: var(--_warn);
    background: var(--_warn-bg);
  }
  .issuer-warning svg {
    flex: none;
    width: 1em;
    height: 1em;
    align-self: center;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .trusted {
    font-size: 0.8em;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_ok);
  }

  /* The state: colour, icon and words */
  .status {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.6);
    border: 1px solid var(--_status);
    border-inline-start-width: 6px;
    background: var(--_status-bg);
    color: var(--_status);
  }
  .card {
    --_status: var(--_muted);
    --_status-bg: var(--_surface);
  }
  .card.is-verified {
    --_status: var(--_ok);
    --_status-bg: var(--_ok-bg);
  }
  .card.is-failed {
    --_status: var(--_bad);
    --_status-bg: var(--_bad-bg);
    border-color: var(--_bad);
  }
  .card.is-indeterminate {
    --_status: var(--_warn);
    --_status-bg: var(--_warn-bg);
  }
  .icon {
    flex: none;
    width: 1.4em;
    height: 1.4em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon circle {
    stroke-width: 2;
  }
  .icon .spin {
    transform-origin: 12px 12px;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .icon .spin {
      animation: none;
    }
  }
  .status-text {
    display: flex;
    flex-direction: column;
  }
  .status-label {
    font-weight: 700;
  }
  .reason {
    color: var(--_fg);
    font-size: 0.95em;
  }
  :host([compact]) .status {
    padding: 0.35em 0.6em;
    font-size: 0.9em;
  }

  /* Body */
  .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    font-size: 0.9em;
  }
  .facts div {
    display: flex;
    gap: 0.4em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .section {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }
  .section-title {
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .markdown p + p,
  .markdown p + ul,
  .markdown ul + p {
    margin-top: 0.5em;
  }
  .markdown ul,
  .markdown ol,
  .items {
    padding-inline-start: 1.25em;
  }
  .items p {
    color: var(--_muted);
  }
  .chips {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .chip {
    display: inline-block;
    padding: 0.15em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 0.9em;
    background: var(--_surface);
    font-size: 0.875em;
  }
  .chip > a {
    color: var(--_fg);
    text-decoration: none;
  }
  .chip > a:hover .chip-name {
    text-decoration: underline;
  }
  .chip-name {
    font-weight: 600;
  }
  .chip-meta {
    color: var(--_muted);
  }
  .endorsements {
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: auto;
  }
  /* Its children join the card's flow; with nothing slotted it takes no space. */
  .fallback {
    display: contents;
  }
`;
