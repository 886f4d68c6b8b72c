/**
 * <vb-verify-button>: closed (next to the card it verifies, `for="card-id"`), and the dialog of checks opened by a
 * click in the play function, for a verified badge, a tampered one, and a button with its own `src`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expectState, fixturesOf, settled, url, visibleText, waitFor } from './support.js';

const meta: Meta = {
  title: 'Elements/Verify button',
  component: 'vb-verify-button',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

const button = (root: HTMLElement) => waitFor(() => root.querySelector('vb-verify-button'), '<vb-verify-button>');

/** Clicks the element's button (part="button"), waits for the open dialog and the settled report; returns the dialog. */
async function openDialog(root: HTMLElement): Promise<HTMLDialogElement> {
  const el = await button(root);
  const inner = await waitFor(
    () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]:not([disabled])'),
    'an enabled button inside <vb-verify-button>',
  );
  inner.click();
  const dialog = await waitFor(() => el.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'), 'the open <dialog>');
  await settled(el); // the button reflects the state of its latest verification
  await waitFor(() => dialog.querySelector('[part~="checks"]'), 'the table of checks in the dialog');
  return dialog;
}

export const Closed: Story = {
  render: (_args, context) => html`
    <vb-badge-card id="card-verified" .credential=${fixturesOf(context).verified}></vb-badge-card>
    <p><vb-verify-button for="card-verified"></vb-verify-button></p>
  `,
  play: async ({ canvasElement }) => {
    await expectState(await waitFor(() => canvasElement.querySelector('vb-badge-card'), 'the card'), 'verified');
    const el = await button(canvasElement);
    await waitFor(() => el.shadowRoot?.querySelector('[part~="button"]:not([disabled])'), 'the enabled button');
    if (el.shadowRoot?.querySelector('dialog[open]')) throw new Error('the dialog is open before any click');
  },
};

export const OpenDialog: Story = {
  name: 'Open dialog (verified)',
  render: (_args, context) => html`
    <vb-badge-card id="card-open" .credential=${fixturesOf(context).verified}></vb-badge-card>
    <p><vb-verify-button for="card-open"></vb-verify-button></p>
  `,
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    if (!/did:web:badges\.example\.edu/.test(visibleText(dialog))) throw new Error('the dialog does not name the key that signed');
  },
};

export const OpenDialogTampered: Story = {
  name: 'Open dialog (tampered)',
  render: (_args, context) => html`
    <vb-badge-card id="card-tampered" .credential=${fixturesOf(context).tampered}></vb-badge-card>
    <p><vb-verify-button for="card-tampered"></vb-verify-button></p>
  `,
  play: async ({ canvasElement }) => {
    await settled(await waitFor(() => canvasElement.querySelector('vb-badge-card'), 'the card'));
    const dialog = await openDialog(canvasElement);
    if (!/invalid-signature/.test(visibleText(dialog))) throw new Error('the dialog does not show the invalid-signature code');
  },
};

export const OwnSrc: Story = {
  name: 'Own src, dialog open',
  render: () => html`<vb-verify-button src=${url.revoked}></vb-verify-button>`,
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    if (!/revoked/i.test(visibleText(dialog))) throw new Error('the dialog does not say the badge is revoked');
  },
};

export const SpanishOpen: Story = {
  name: 'Spanish, dialog open',
  globals: { lang: 'es' },
  render: (_args, context) => html`
    <vb-badge-card id="card-es" .credential=${fixturesOf(context).expired}></vb-badge-card>
    <p><vb-verify-button for="card-es"></vb-verify-button></p>
  `,
  play: async ({ canvasElement }) => {
    await openDialog(canvasElement);
  },
};
