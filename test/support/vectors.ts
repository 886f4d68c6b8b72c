/**
 * Access to the public test vectors in ../shared/vectors (never copied into the project): the manifest, an offline
 * fetch that serves the stored remote documents, and the example contexts the W3C vectors use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VECTORS_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/vectors');
export const hasVectors = existsSync(resolve(VECTORS_DIR, 'MANIFEST.json'));

export interface ManifestEntry {
  file: string;
  kind: string;
  format?: string;
  url?: string;
  expected?: string[];
  notes?: string;
  observed?: { outcome?: string[]; match?: string };
}

export interface Manifest {
  generated: string;
  files: ManifestEntry[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(resolve(VECTORS_DIR, 'MANIFEST.json'), 'utf8')) as Manifest;
}

export function readVector(file: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(VECTORS_DIR, file)));
}

/** A fetch that answers from the stored remote documents and 404s everything else; it records each URL asked. */
export function vectorFetch(manifest: Manifest, log: string[] = []): typeof fetch {
  const byUrl = new Map<string, string>();
  for (const f of manifest.files) if (f.url && f.kind !== 'jsonld-context') byUrl.set(f.url, f.file);
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.push(url);
    const file = byUrl.get(url);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(readVector(file) as BufferSource, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** Contexts of the W3C examples, passed as caller-trusted contexts (the library does not pin example contexts). */
export function exampleContexts(): Record<string, object> {
  const read = (p: string) => JSON.parse(readFileSync(resolve(VECTORS_DIR, 'contexts', p), 'utf8')) as object;
  return {
    'https://www.w3.org/ns/credentials/examples/v2': read('www.w3.org/ns/credentials/examples/v2.jsonld'),
    'https://w3id.org/citizenship/v4rc1': read('w3id.org/citizenship/v4rc1.jsonld'),
  };
}
