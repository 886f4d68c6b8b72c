/**
 * Self-asserted names (an issuer's `name`) made safe to show beside what was verified, and flagged when they try to
 * look like something else. DOM-free; runs in Node, browsers and Workers.
 *
 * What is flagged:
 * - `bidi-control`: explicit direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
 *   U+200E/U+200F marks, U+061C ARABIC LETTER MARK). They can make a name read differently from what it is
 *   ("Example University" spelled backwards behind an override) and can reorder the text around them.
 * - `invisible`: characters with no glyph that make two different names look the same: U+200B ZERO WIDTH SPACE,
 *   U+2060 WORD JOINER, U+FEFF, U+2061–U+2064, U+180E, U+00AD SOFT HYPHEN, U+034F, U+115F/U+1160/U+3164/U+FFA0
 *   (Hangul fillers), the tag characters U+E0000–U+E007F, and U+200C/U+200D (ZWNJ/ZWJ) *unless* both neighbours are
 *   letters or emoji of a script that joins with them (Arabic, Indic and other non-Latin scripts; emoji sequences),
 *   where they are part of correct spelling and are kept.
 * - `control`: C0/C1 control characters other than ordinary whitespace, and U+2028/U+2029 separators.
 * - `mixed-script`: one word mixing letters of Latin, Greek and Cyrillic, the scripts with the most look-alikes
 *   ("Ехаmple" with a Cyrillic Е and а). Words of one script, and names mixing scripts across words, are not flagged.
 *
 * What is shown (`text`): the name with every flagged control and invisible character removed, and runs of
 * whitespace (tabs, newlines, controls turned to spaces) collapsed to one space. Removed, not made visible: a
 * "<U+202E>" marker in the middle of a name reads badly and is read out badly; the flags say what was removed, and
 * the element shows a warning in words beside the name with the verified identifier. Look-alike letters cannot be
 * "removed" and are shown as they are, flagged. `isolated` is `text` between U+2068 FIRST STRONG ISOLATE and U+2069
 * POP DIRECTIONAL ISOLATE, for plain-text contexts (announcements, sentences built around the name); in the DOM,
 * render `text` inside a `<bdi>` instead.
 */

export const NAME_FLAGS = ['bidi-control', 'invisible', 'control', 'mixed-script'] as const;
export type NameFlag = (typeof NAME_FLAGS)[number];

export interface SafeName {
  /** The name to show: flagged characters removed, whitespace collapsed, trimmed. */
  text: string;
  /** `text` between FSI and PDI, for plain-text contexts. */
  isolated: string;
  /** What was found, in the order of NAME_FLAGS; empty for an ordinary name. */
  flags: NameFlag[];
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u180E\u00AD\u034F\u115F\u1160\u3164\uFFA0\u{E0000}-\u{E007F}]/u;
const JOINER = /[\u200C\u200D]/u;
/** Whitespace shown as a plain space. */
const SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
/** A joiner between two of these is spelling (Arabic, Indic, … and emoji sequences); beside anything else it hides. */
const JOINING_NEIGHBOUR = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]/u;
const CONFUSABLE_SCRIPT = /\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const GREEK = /\p{Script=Greek}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

/** Whether a joiner between `before` and `after` is part of correct spelling (not Latin, Greek or Cyrillic). */
function joinerKept(before: string | undefined, after: string | undefined): boolean {
  return (
    before !== undefined &&
    after !== undefined &&
    JOINING_NEIGHBOUR.test(before) &&
    JOINING_NEIGHBOUR.test(after) &&
    !CONFUSABLE_SCRIPT.test(before) &&
    !CONFUSABLE_SCRIPT.test(after)
  );
}

/** Whether one word (a run of letters and marks) mixes Latin, Greek and Cyrillic letters. */
function mixesScripts(text: string): boolean {
  for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
    let scripts = 0;
    for (const char of word) {
      if (!LETTER.test(char)) continue;
      if (LATIN.test(char)) scripts |= 1;
      else if (GREEK.test(char)) scripts |= 2;
      else if (CYRILLIC.test(char)) scripts |= 4;
      if (scripts !== 1 && scripts !== 2 && scripts !== 4 && scripts !== 0) return true;
    }
  }
  return false;
}

/** The display-safe form of a self-asserted name and what it was hiding. Never throws; non-strings give "". */
export function safeName(value: unknown): SafeName {
  const input = typeof value === 'string' ? value : '';
  const chars = Array.from(input);
  const found = new Set<NameFlag>();
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (BIDI.test(char)) {
      found.add('bidi-control');
      continue;
    }
    if (INVISIBLE.test(char)) {
      found.add('invisible');
      continue;
    }
    if (JOINER.test(char)) {
      if (joinerKept(chars[i - 1], chars[i + 1])) out += char;
      else found.add('invisible');
      continue;
    }
    if (SPACE.test(char)) {
      out += ' ';
      continue;
    }
    if (CONTROL.test(char)) {
      // Tabs and newlines are whitespace (above); any other control is flagged and stands as a space.
      found.add('control');
      out += ' ';
      continue;
    }
    out += char;
  }
  const text = out.replace(/ {2,}/g, ' ').trim();
  if (mixesScripts(text)) found.add('mixed-script');
  return { text, isolated: `\u2068${text}\u2069`, flags: NAME_FLAGS.filter((flag) => found.has(flag)) };
}
