/**
 * <vb-badge-actions> in a card's `actions` slot: a verified badge loaded from a URL (download and LinkedIn, with the
 * URL on the link), a revoked badge (download only: no LinkedIn link for a badge that is not valid), and a card that
 * could not read its badge (nothing to download). The element is not registered by `verifiable-badges`; the story
 * registers it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { VbBadgeActions } from '../src/components/badge-actions/badge-actions.js';
import { expectState, fixturesOf, url, waitFor } from './support.js';

if (!customElements.get('vb-badge-actions')) customElements.define('vb-badge-actions', VbBadgeActions);

const meta: Meta = {
  title: 'Elements/Badge actions',
  component: 'vb-badge-actions',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** The actions of the story's card, once the card has settled in `state` and the actions have rendered. */
async function actionsOf(root: HTMLElement, state: string): Promise<ShadowRoot> {
  const card = await waitFor(() => root.querySelector('vb-badge-card'), 'the card');
  await expectState(card, state);
  const actions = await waitFor(() => root.querySelector('vb-badge-actions'), '<vb-badge-actions>');
  await actions.updateComplete;
  return actions.shadowRoot!;
}

export const Verified: Story = {
  name: 'Verified (download and LinkedIn)',
  render: () => html`
    <vb-badge-card src=${url.verified} style="max-width: 36rem">
      <vb-badge-actions slot="actions"></vb-badge-actions>
    </vb-badge-card>
  `,
  play: async ({ canvasElement }) => {
    const shadow = await actionsOf(canvasElement, 'verified');
    const link = await waitFor(() => shadow.querySelector<HTMLAnchorElement>('[part~="linkedin"]'), 'the LinkedIn link');
    const certUrl = new URL(link.href).searchParams.get('certUrl');
    if (certUrl !== url.verified) throw new Error(`certUrl is ${certUrl}, expected ${url.verified}`);
    if (shadow.querySelector<HTMLButtonElement>('[part~="download"]')?.disabled) throw new Error('the download is disabled');
  },
};

export const NotValid: Story = {
  name: 'Revoked (download only)',
  render: (_args, context) => html`
    <vb-badge-card .credential=${fixturesOf(context).revoked} style="max-width: 36rem">
      <vb-badge-actions slot="actions"></vb-badge-actions>
    </vb-badge-card>
  `,
  play: async ({ canvasElement }) => {
    const shadow = await actionsOf(canvasElement, 'failed');
    if (shadow.querySelector('[part~="linkedin"]')) throw new Error('a revoked badge offers "Add to LinkedIn"');
    if (shadow.querySelector<HTMLButtonElement>('[part~="download"]')?.disabled) throw new Error('the download is disabled');
  },
};

export const Unreadable: Story = {
  name: 'Unreadable (nothing to download)',
  render: () => html`
    <vb-badge-card .credential=${'this is not a badge'} style="max-width: 36rem">
      <vb-badge-actions slot="actions"></vb-badge-actions>
    </vb-badge-card>
  `,
  play: async ({ canvasElement }) => {
    const shadow = await actionsOf(canvasElement, 'failed');
    if (!shadow.querySelector<HTMLButtonElement>('[part~="download"]')?.disabled) throw new Error('the download is enabled');
  },
};
