/**
 * <vb-badge-card>: one story per state. Credentials are the signed fixtures (test/support/fixtures.ts), verified
 * against the offline fetch the preview configures; each story's play function checks the state the card settles in
 * and the words it shows, so `npm run test:stories` fails when a state renders wrongly.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { WEB_ISSUER } from '../test/support/fixtures.js';
import { deepElements, expectState, fixturesOf, url, waitFor, type VerifierParameters } from './support.js';

const meta: Meta = {
  title: 'Elements/Badge card',
  component: 'vb-badge-card',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

const card = (root: HTMLElement) => waitFor(() => root.querySelector('vb-badge-card'), '<vb-badge-card>');

export const Verified: Story = {
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).verified}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'verified', ['Verified', 'Data Visualization Practitioner']),
};

export const VerifiedFromSrc: Story = {
  name: 'Verified (from src)',
  render: () => html`<vb-badge-card src=${url.verified}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'verified', ['Verified']),
};

export const RecognisedIssuer: Story = {
  name: 'Verified, recognised issuer',
  parameters: { verifier: { trustedIssuers: [WEB_ISSUER] } satisfies VerifierParameters },
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).verified}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'verified', ['Verified']),
};

export const Revoked: Story = {
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).revoked}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'failed', [/Revoked/i]),
};

export const Suspended: Story = {
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).suspended}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'failed', [/Suspended/i]),
};

export const Expired: Story = {
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).expired}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'failed', [/Expired/i]),
};

export const Tampered: Story = {
  name: 'Tampered (signature does not match)',
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).tampered}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'failed', [/Signature does not match/i]),
};

export const CouldNotCheck: Story = {
  name: 'Could not check (issuer unreachable)',
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).unreachable}></vb-badge-card>`,
  play: async ({ canvasElement }) => expectState(await card(canvasElement), 'indeterminate', [/Could not check/i]),
};

export const Loading: Story = {
  name: 'Loading (verifying)',
  // The offline fetch never answers url.pending; a long timeout keeps the card verifying while someone looks.
  tags: ['unsettled'],
  parameters: { verifier: { timeoutMs: 10 * 60_000 } satisfies VerifierParameters },
  render: () => html`
    <vb-badge-card src=${url.pending}>
      <a href=${url.pending}>Data Visualization Practitioner (open badge)</a>
    </vb-badge-card>
  `,
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await waitFor(() => el.getAttribute('state') === 'verifying', 'state="verifying"', 5_000);
  },
};

export const Compact: Story = {
  render: (_args, context) => {
    const f = fixturesOf(context);
    return html`
      <div style="display: grid; gap: 0.75rem; max-width: 28rem">
        <vb-badge-card compact .credential=${f.verified}></vb-badge-card>
        <vb-badge-card compact .credential=${f.revoked}></vb-badge-card>
        <vb-badge-card compact .credential=${f.unreachable}></vb-badge-card>
      </div>
    `;
  },
  play: async ({ canvasElement }) => {
    const cards = await waitFor(() => {
      const all = canvasElement.querySelectorAll('vb-badge-card');
      return all.length === 3 ? Array.from(all) : null;
    }, 'three cards');
    await expectState(cards[0], 'verified');
    await expectState(cards[1], 'failed');
    await expectState(cards[2], 'indeterminate');
    if (!cards.every((c) => c.hasAttribute('compact'))) throw new Error('compact is not reflected');
  },
};

export const Dark: Story = {
  tags: ['dark'],
  globals: { theme: 'dark' },
  render: (_args, context) => {
    const f = fixturesOf(context);
    return html`
      <div style="display: grid; gap: 1rem">
        <vb-badge-card .credential=${f.verified}></vb-badge-card>
        <vb-badge-card .credential=${f.revoked}></vb-badge-card>
      </div>
    `;
  },
  play: async ({ canvasElement }) => {
    const [verified, revoked] = Array.from(canvasElement.querySelectorAll('vb-badge-card'));
    await expectState(verified, 'verified');
    await expectState(revoked, 'failed');
  },
};

export const Spanish: Story = {
  name: 'Spanish (lang="es")',
  globals: { lang: 'es' },
  render: (_args, context) => {
    const f = fixturesOf(context);
    return html`
      <div style="display: grid; gap: 1rem">
        <vb-badge-card .credential=${f.verified}></vb-badge-card>
        <vb-badge-card .credential=${f.revoked}></vb-badge-card>
      </div>
    `;
  },
  play: async ({ canvasElement }) => {
    const [verified, revoked] = Array.from(canvasElement.querySelectorAll('vb-badge-card'));
    await expectState(verified, 'verified', ['Verificada']);
    await expectState(revoked, 'failed', [/Revocada/i]);
  },
};

export const Hostile: Story = {
  name: 'Hostile credential (markup, script, javascript: links)',
  render: (_args, context) => html`<vb-badge-card .credential=${fixturesOf(context).hostile}></vb-badge-card>`,
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await waitFor(() => ['verified', 'failed', 'indeterminate'].includes(el.getAttribute('state') ?? ''), 'a settled state');
    await new Promise((resolve) => setTimeout(resolve, 200)); // give an injected onerror/onload a chance to run
    const problems: string[] = [];
    if ((window as { __pwned?: unknown }).__pwned !== undefined) problems.push('window.__pwned was set: a script ran');
    for (const node of deepElements(el.shadowRoot ?? el)) {
      if (/^(script|iframe|object|embed|frame)$/.test(node.localName)) problems.push(`injected <${node.localName}>`);
      for (const attr of Array.from(node.attributes)) {
        if (/^on/i.test(attr.name)) problems.push(`<${node.localName} ${attr.name}>`);
        if (/^\s*javascript:/i.test(attr.value)) problems.push(`<${node.localName} ${attr.name}="${attr.value}">`);
      }
    }
    if (problems.length) throw new Error(`Hostile credential got through: ${problems.join('; ')}`);
  },
};
