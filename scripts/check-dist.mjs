#!/usr/bin/env node
// Smoke test of the built package (run after `npm run build`): the files named by
// package.json "exports" exist, and `verifiable-badges/core` imports in Node.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let failed = 0;

for (const [subpath, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    if (!fs.existsSync(path.join(root, file))) {
      console.error(`missing ${file} (exports["${subpath}"])`);
      failed++;
    }
  }
}

try {
  const core = await import('verifiable-badges/core');
  console.log(`verifiable-badges/core: ${Object.keys(core).length} exports (${Object.keys(core).slice(0, 8).join(', ')}...)`);
} catch (error) {
  console.error('import("verifiable-badges/core") failed in Node:', error);
  failed++;
}

if (failed) {
  console.error(`check:dist: ${failed} problem(s)`);
  process.exit(1);
}
console.log('check:dist: ok');
