/**
 * ./node.ts for the browser bundle (vite.bundle.config.ts puts this module in its place): a browser has no
 * `node:crypto`, so WebCrypto is the only path and the Node-only checks (./native.ts) are not part of the bundle.
 */
import type { NodeCrypto } from './node.js';

export type { NodeCrypto };

export function nodeCrypto(): NodeCrypto | undefined {
  return undefined;
}

export function nativeChecks(): undefined {
  return undefined;
}

export function setNodeCrypto(_on: boolean): boolean {
  return false;
}
