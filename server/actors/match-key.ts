/**
 * The folded form of an actor's name or alias that search and duplicate detection compare: "Nagorno-Karabakh",
 * "nagorno karabakh" and "NAGORNO–KARABAKH" are one key. Client-safe (no server imports): forms use it too.
 */

// Letters NFKD does not split into a base letter and a mark, folded by hand (Azerbaijani ı, German ß, Polish ł…).
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
};
const SPECIAL = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** NFKD, diacritics stripped, lower case, punctuation and symbols → space, spaces collapsed and trimmed. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPECIAL, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct, non-empty keys of a name and its aliases, name first: what `actors.match_keys` stores. */
export function matchKeysOf(name: string, aliases: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const text of [name, ...aliases]) {
    const key = matchKey(text);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * Aliases as an editor means them: trimmed, blanks dropped, and each distinct by key from the name and from each
 * other (the first spelling wins), so "Artsakh" and "artsakh" are not both kept.
 */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([matchKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const text = alias.trim();
    const key = matchKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(text);
  }
  return kept;
}
