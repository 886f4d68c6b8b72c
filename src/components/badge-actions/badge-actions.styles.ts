import { css } from 'lit';

export const styles = css`
  /* The buttons join the layout the element is placed in: in a card's actions row they sit beside the card's other
     actions (a verify button) and wrap with them. A page can set another display on the element. */
  :host {
    display: contents;
  }

  .action {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    min-height: 2.5rem;
    padding: 0.5em 0.9em;
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
    cursor: pointer;
  }
  .action:hover {
    background: var(--_surface);
    border-color: var(--_accent);
  }
  .action:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .action:disabled {
    color: var(--_muted);
    background: var(--_surface);
    border-color: var(--_border);
    cursor: not-allowed;
  }
  .action[aria-busy='true'] {
    cursor: progress;
  }
  svg {
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }

  .message {
    flex-basis: 100%;
    width: 100%;
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .message:empty {
    display: none;
  }
  .message.failed {
    color: var(--_bad);
  }
`;
