/**
 * `node:crypto`, where the runtime hands it out without an import (`process.getBuiltinModule`: Node 20.16 and later),
 * for checking signatures on the calling thread: Node's WebCrypto sends each verification to its thread pool and back,
 * which costs more than the verification itself. Browsers and workers have no such module; WebCrypto is used there.
 * Looked up on first use, never at import time.
 */

/** The part of `node:crypto` used here. */
export interface NodeCrypto {
  createPublicKey(options: { key: Record<string, string>; format: 'jwk' }): object;
  verify(algorithm: string | null, data: Uint8Array, key: object, signature: Uint8Array): boolean;
}

let module: NodeCrypto | null | undefined;
let enabled = true;

export function nodeCrypto(): NodeCrypto | undefined {
  if (!enabled) return undefined;
  if (module === undefined) {
    try {
      const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
      const found = typeof get === 'function' ? (get('node:crypto') as Partial<NodeCrypto> | undefined) : undefined;
      module = typeof found?.verify === 'function' && typeof found.createPublicKey === 'function' ? (found as NodeCrypto) : null;
    } catch {
      module = null;
    }
  }
  return module ?? undefined;
}

let native: Promise<typeof import('./native.js') | undefined> | undefined;

/**
 * The `node:crypto` signature checks (./native.ts) with the module itself, or undefined where the runtime has no
 * `node:crypto` (then that module is never loaded). Resolves undefined if it could not be loaded.
 */
export function nativeChecks(): Promise<{ crypto: NodeCrypto; checks: typeof import('./native.js') } | undefined> | undefined {
  const crypto = nodeCrypto();
  if (!crypto) return undefined;
  native ??= import('./native.js').catch(() => undefined);
  return native.then((checks) => (checks ? { crypto, checks } : undefined));
}

/** Turns the path off or back on (tests compare both paths; benchmarks measure both). Returns whether it is available. */
export function setNodeCrypto(on: boolean): boolean {
  enabled = on;
  return nodeCrypto() !== undefined;
}
