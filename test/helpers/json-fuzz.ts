import fc from 'fast-check';

/** Runs per property of the untrusted-input readers; the reliability bar is at least 10,000. */
export const fuzzRuns = 10_000;

/** Any JSON value, kept shallow so that one run stays fast. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Either the expected shape or anything else, so that every field is sometimes wrong. */
export function sometimesWrong<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
}

/**
 * Returns the JSON text with `"__proto__": {...}` or `"constructor": {...}` members put
 * into objects at the chosen positions. JSON.parse turns them into own properties; a reader
 * that copied them with plain assignment would change Object.prototype.
 */
export function withPrototypeKeys(text: string, positions: number[]): string {
  const openings = [...text.matchAll(/\{/g)].map((match) => match.index!);
  if (openings.length === 0) {
    return text;
  }

  const chosen = new Set(positions.map((position) => openings[position % openings.length]!));
  let result = '';
  for (let index = 0; index < text.length; index++) {
    result += text[index];
    if (chosen.has(index)) {
      const key = index % 2 === 0 ? '__proto__' : 'constructor';
      const closesAtOnce = text[index + 1] === '}';
      result += `"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}}${closesAtOnce ? '' : ','}`;
    }
  }

  return result;
}

/** Throws when a reader has put a key onto the shared object prototype. */
export function assertPrototypeClean(): void {
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).polluted !== undefined) {
    throw new Error('Object.prototype was polluted');
  }
}
