/**
 * The README's Elements tables cannot drift from the elements: a fresh custom-elements.json is analysed from the
 * sources (the project's analyzer config, into a temporary directory), the tables are regenerated from it in memory
 * with scripts/readme-api.mjs, and README.md must already hold exactly that. `npm run docs` fixes a failure.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Manifest {
  modules?: { declarations?: { customElement?: boolean; tagName?: string; name: string }[] }[];
}
interface ReadmeApi {
  START: string;
  END: string;
  expectedReadme(manifest: Manifest, dir?: string): { current: string; expected: string };
  reactProp(event: string): string;
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `line ${i + 1}:\n  README.md: ${left[i] ?? '(end)'}\n  generated: ${right[i] ?? '(end)'}`;
  }
  return 'no difference';
}

describe('README.md', function () {
  this.timeout(120_000);

  let manifest: Manifest;
  let api: ReadmeApi;
  let outDir: string;

  before(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-readme-manifest-'));
    // The analyzer joins --outdir to its working directory, so it is given relative to the repository.
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--litelement',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        path.relative(root, outDir),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`the manifest analyzer failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'custom-elements.json'), 'utf8')) as Manifest;
    // A computed specifier: the script is plain JavaScript, typed by ReadmeApi above.
    const script = pathToFileURL(path.join(root, 'scripts/readme-api.mjs')).href;
    api = (await import(script)) as ReadmeApi;
  });

  after(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('documents every registered element, from a freshly generated custom-elements.json', () => {
    const tags = (manifest.modules ?? []).flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName));
    expect(tags).to.include.members(['vb-badge-card', 'vb-verify-button', 'vb-passport']);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const tag of tags) expect(readme).to.include(`### \`<${tag}>\``);
  });

  it('has the Elements tables exactly as scripts/readme-api.mjs makes them (run `npm run docs` if not)', () => {
    const { current, expected } = api.expectedReadme(manifest, root);
    expect(current.includes(api.START) && current.includes(api.END), 'README.md keeps the elements:start/end markers').to.equal(true);
    if (current !== expected) {
      expect.fail(`README.md's Elements tables are out of date; run \`npm run docs\`. First difference at ${firstDifference(current, expected)}`);
    }
  });

  it("names the React wrappers' event props as src/react/index.ts declares them", () => {
    const source = fs.readFileSync(path.join(root, 'src/react/index.ts'), 'utf8');
    for (const event of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end', 'vb-passport-ready']) {
      const prop = api.reactProp(event);
      expect(source, `${prop} for ${event}`).to.match(new RegExp(`${prop}: '${event}'`));
    }
  });
});
