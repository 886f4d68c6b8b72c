/**
 * Design tokens and the few rules shared by every element: CSS custom properties on :host with light and dark
 * defaults, and the visually-hidden utility. Pages override the properties
 * (`vb-badge-card { --vb-accent: rebeccapurple }`).
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_bg: var(--vb-background, #ffffff);
    --_fg: var(--vb-foreground, #1b1f24);
    --_muted: var(--vb-muted, #57606a);
    --_border: var(--vb-border, #d0d7de);
    --_surface: var(--vb-surface, #f6f8fa);
    --_accent: var(--vb-accent, #0550ae);
    --_ok: var(--vb-verified, #116329);
    --_ok-bg: var(--vb-verified-background, #dafbe1);
    --_bad: var(--vb-failed, #a40e26);
    --_bad-bg: var(--vb-failed-background, #ffebe9);
    --_warn: var(--vb-indeterminate, #7d4e00);
    --_warn-bg: var(--vb-indeterminate-background, #fff8c5);
    --_radius: var(--vb-radius, 12px);
    --_space: var(--vb-space, 16px);
    --_font: var(--vb-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-family: var(--_font);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--vb-background, #0d1117);
      --_fg: var(--vb-foreground, #e6edf3);
      --_muted: var(--vb-muted, #9198a1);
      --_border: var(--vb-border, #3d444d);
      --_surface: var(--vb-surface, #151b23);
      --_accent: var(--vb-accent, #4493f8);
      --_ok: var(--vb-verified, #3fb950);
      --_ok-bg: var(--vb-verified-background, #0f2a18);
      --_bad: var(--vb-failed, #ff7b72);
      --_bad-bg: var(--vb-failed-background, #3a1214);
      --_warn: var(--vb-indeterminate, #d29922);
      --_warn-bg: var(--vb-indeterminate-background, #2e2410);
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* Text for assistive technology only. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
