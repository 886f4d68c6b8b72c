/** The core stays DOM-free, so it runs in Node, browsers and Web Workers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const coreDir = fileURLToPath(new URL('../../src/core', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core boundaries', () => {
  const files = sources(coreDir);

  it('imports neither Lit nor the components', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).to.not.match(/from ['"](lit|@lit\/|\.\.\/components|\.\.\/\.\.\/components)/);
    }
  });

  it('touches no DOM API', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, file).to.not.match(/\bwindow\.|\bdocument\.(create|query|get|body|head)|customElements|HTMLElement|localStorage|sessionStorage/);
    }
  });
});
