/** Turning text or objects into plain JSON data with size, depth and shape caps. Never throws. */
import type { Code, JsonValue } from '../result.js';

export type JsonObject = { [key: string]: JsonValue };
export type Parsed = { ok: true; value: JsonValue } | { ok: false; code: Code; message: string };

export interface JsonLimits {
  /** Characters of JSON text at most. */
  maxChars: number;
  /** Nesting of objects and arrays at most. */
  maxDepth: number;
}

/** Parses JSON text and enforces the depth cap. */
export function parseJson(text: string, limits: JsonLimits): Parsed {
  if (text.length > limits.maxChars) {
    return { ok: false, code: 'too-large', message: `The JSON is longer than the ${limits.maxChars} character cap.` };
  }
  // Depth is measured on the text before parsing, so a hostile nesting never reaches a recursive parser.
  const depth = maxNesting(text, limits.maxDepth);
  if (depth > limits.maxDepth) {
    return { ok: false, code: 'too-deep', message: `The JSON nests deeper than ${limits.maxDepth} levels.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    return { ok: false, code: 'invalid-json', message: `The text is not valid JSON${detail ? ` (${detail})` : ''}.` };
  }
}

/**
 * Copies a caller's object into plain JSON data. Rejects cycles, shared references, and values JSON cannot hold,
 * instead of letting them reach the JSON-LD processor.
 */
export function fromObject(input: unknown, limits: JsonLimits): Parsed {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    return { ok: false, code: 'not-json-data', message: 'The object is not plain JSON data (it has a cycle, a BigInt, or nests too deep).' };
  }
  if (typeof text !== 'string') {
    return { ok: false, code: 'not-json-data', message: 'The value is not JSON data.' };
  }
  return parseJson(text, limits);
}

/** The deepest nesting of `[` and `{` outside strings, stopping early once past `stopAbove`. */
function maxNesting(text: string, stopAbove: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
