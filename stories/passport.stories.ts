/**
 * <vb-passport>: a grid of badges in mixed states (from a JSON array of credentials, from a list of URLs, from child
 * cards), a CLR 2.0 transcript, Spanish, and an empty passport. Sources are served by the offline fetch.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fixturesOf, settled, url, visibleText, waitFor } from './support.js';

const meta: Meta = {
  title: 'Elements/Passport',
  component: 'vb-passport',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

const passport = (root: HTMLElement) => waitFor(() => root.querySelector('vb-passport'), '<vb-passport>');

/** Every card of the passport (its own shadow DOM and its children), once `count` of them have settled. */
async function settledCards(el: Element, count: number): Promise<Element[]> {
  const cards = await waitFor(() => {
    const all = [...Array.from(el.querySelectorAll('vb-badge-card')), ...Array.from(el.shadowRoot?.querySelectorAll('vb-badge-card') ?? [])];
    return all.length >= count ? all : null;
  }, `${count} cards in <vb-passport>`);
  await Promise.all(cards.map((c) => settled(c, 30_000)));
  return cards;
}

/** Throws unless the passport's text matches every pattern. */
async function expectText(el: Element, patterns: RegExp[]): Promise<void> {
  const text = await waitFor(() => {
    const t = visibleText(el);
    return patterns.every((p) => p.test(t)) ? t : null;
  }, `<vb-passport> to say ${patterns.map(String).join(', ')}`, 20_000).catch((error: Error) => {
    throw new Error(`${error.message}; it says: ${visibleText(el).slice(0, 400)}`);
  });
  void text;
}

export const Mixed: Story = {
  name: 'Mixed badges',
  render: () => html`<vb-passport src=${url.mixed}></vb-passport>`,
  play: async ({ canvasElement }) => {
    const el = await passport(canvasElement);
    await settledCards(el, 6);
    await expectText(el, [/1 verified/i, /revoked/i, /expired/i]);
  },
};

export const FromUrls: Story = {
  name: 'Mixed badges (list of URLs)',
  render: () => html`<vb-passport src=${url.mixedUrls}></vb-passport>`,
  play: async ({ canvasElement }) => {
    await settledCards(await passport(canvasElement), 6);
  },
};

export const ChildCards: Story = {
  name: 'From child cards',
  render: (_args, context) => {
    const f = fixturesOf(context);
    return html`
      <vb-passport>
        <vb-badge-card .credential=${f.verified}></vb-badge-card>
        <vb-badge-card .credential=${f.expired}></vb-badge-card>
        <vb-badge-card .credential=${f.suspended}></vb-badge-card>
      </vb-passport>
    `;
  },
  play: async ({ canvasElement }) => {
    await settledCards(await passport(canvasElement), 3);
  },
};

export const ClrTranscript: Story = {
  name: 'CLR 2.0 transcript',
  render: () => html`<vb-passport src=${url.clr}></vb-passport>`,
  play: async ({ canvasElement }) => {
    const el = await passport(canvasElement);
    await settledCards(el, 1);
  },
};

export const Spanish: Story = {
  name: 'Spanish (lang="es")',
  globals: { lang: 'es' },
  render: () => html`<vb-passport src=${url.mixed}></vb-passport>`,
  play: async ({ canvasElement }) => {
    const el = await passport(canvasElement);
    await settledCards(el, 6);
    await expectText(el, [/verificada/i]);
  },
};

export const Empty: Story = {
  render: () => html`<vb-passport src=${url.empty}></vb-passport>`,
  play: async ({ canvasElement }) => {
    const el = await passport(canvasElement);
    await waitFor(() => (visibleText(el).length > 0 ? true : null), 'the empty passport to say something');
    if (el.shadowRoot?.querySelector('vb-badge-card')) throw new Error('an empty passport shows a card');
  },
};

export const Dark: Story = {
  tags: ['dark'],
  globals: { theme: 'dark' },
  render: () => html`<vb-passport src=${url.mixed}></vb-passport>`,
  play: async ({ canvasElement }) => {
    await settledCards(await passport(canvasElement), 6);
  },
};
