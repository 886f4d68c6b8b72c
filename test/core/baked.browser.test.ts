/** Baked badges are still images: Chromium decodes a baked PNG and renders a baked SVG as before baking. */
import { expect } from 'chai';
import { bakePng, bakeSvg, unbake } from '../../src/core/bake.js';
import { OB_NAMESPACE } from '../../src/core/load/svg.js';

const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Zoë ]]> 🏅' };
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5Ong2TWtoYSJ9.c2lnbmF0dXJlLWJ5dGVz';

/** A 3x2 PNG encoded by the browser itself: the left column red, the middle green, the right blue. */
async function canvasPng(): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 3;
  canvas.height = 2;
  const ctx = canvas.getContext('2d')!;
  ['#ff0000', '#00ff00', '#0000ff'].forEach((colour, x) => {
    ctx.fillStyle = colour;
    ctx.fillRect(x, 0, 1, 2);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new Uint8Array(await blob!.arrayBuffer());
}

/** Draws an image source on a canvas of its size and returns the RGBA of every pixel, row by row. */
function pixels(source: CanvasImageSource, width: number, height: number): number[][] {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(source, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]);
  return out;
}

async function loadImage(bytes: Uint8Array | string, type: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const RED = [255, 0, 0, 255];
const GREEN = [0, 255, 0, 255];
const BLUE = [0, 0, 255, 255];

describe('baked images in Chromium', () => {
  it('a PNG baked with bakePng still decodes, with the same size and pixels (createImageBitmap)', async () => {
    const png = await canvasPng();
    for (const baked of [bakePng(png, credential), bakePng(bakePng(png, credential), JWS)]) {
      expect(baked.length).to.be.greaterThan(png.length);
      const bitmap = await createImageBitmap(new Blob([baked as BlobPart], { type: 'image/png' }));
      expect([bitmap.width, bitmap.height]).to.deep.equal([3, 2]);
      expect(pixels(bitmap, 3, 2)).to.deep.equal([RED, GREEN, BLUE, RED, GREEN, BLUE]);
      bitmap.close();
    }
  });

  it('a baked PNG loads in an <img> from a Blob URL and still carries the credential', async () => {
    const baked = bakePng(await canvasPng(), credential);
    const image = await loadImage(baked, 'image/png');
    expect([image.naturalWidth, image.naturalHeight]).to.deep.equal([3, 2]);
    expect(pixels(image, 3, 2)[1]).to.deep.equal(GREEN);
    const result = unbake(baked);
    expect(result.ok).to.equal(true);
    if (result.ok) expect(JSON.parse(result.text)).to.deep.equal(credential);
  });

  it('a canvas-encoded PNG with no credential is no-baked-credential', async () => {
    expect(unbake(await canvasPng())).to.deep.include({ ok: false, code: 'no-baked-credential' });
  });

  it('an SVG baked with bakeSvg is well-formed XML with one credential in the Open Badges namespace, and still renders', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#0000ff"/></svg>';
    for (const baked of [bakeSvg(svg, credential), bakeSvg(svg, JWS), bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', JWS)]) {
      const doc = new DOMParser().parseFromString(baked, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror'), baked).to.have.length(0);
      const elements = doc.getElementsByTagNameNS(OB_NAMESPACE, 'credential');
      expect(elements).to.have.length(1);
      const element = elements[0]!;
      if (element.hasAttribute('verify')) expect(element.getAttribute('verify')).to.equal(JWS);
      else expect(JSON.parse(element.textContent!)).to.deep.equal(credential);
      const image = await loadImage(baked, 'image/svg+xml');
      expect([image.naturalWidth, image.naturalHeight]).to.deep.equal([4, 4]);
    }
    const image = await loadImage(bakeSvg(svg, credential), 'image/svg+xml');
    expect(pixels(image, 4, 4)[5]).to.deep.equal(BLUE);
  });
});
