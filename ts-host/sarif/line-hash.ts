/**
 * GitHub's primaryLocationLineHash. It is a rolling hash over the 100 characters that start
 * at a line's first character. Blanks and tabs are left out, and line endings become LF. The
 * hash is followed by ":n" for the n-th line of the file with the same hash. GitHub computes the
 * same value when a SARIF file arrives without it. A different value makes GitHub warn about
 * inconsistent fingerprints and open duplicate alerts.
 *
 * The arithmetic is 64-bit two's complement with wrap-around, printed unsigned in hex. It is
 * done on four 16-bit limbs in plain numbers: BigInt allocates on every operation, which made
 * hashing the sources a large part of the cost of writing a SARIF report.
 */

const blockSize = 100;
const modulus = 37;
const tab = 0x09;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const space = 0x20;

// Stands for the end of the input, so the last line's window differs from a line that is
// followed by more text.
const endOfInput = 0xffff;

const limb = 0x1_0000;

/** Factor modulus^blockSize in 64-bit arithmetic, which removes the character leaving the window, as 16-bit limbs from the lowest. */
const leavingLimbs: readonly number[] = (() => {
  let factor = 1n;
  for (let i = 0; i < blockSize; i += 1) {
    factor = BigInt.asUintN(64, factor * BigInt(modulus));
  }

  return [0, 1, 2, 3].map((part) => Number((factor >> BigInt(16 * part)) & 0xffffn));
})();
const [leaving0, leaving1, leaving2, leaving3] = leavingLimbs as [number, number, number, number];

/**
 * Computes the line hash of each line of a file's text, decoded as UTF-8 without removing a
 * byte-order mark (GitHub hashes the mark as part of line 1). Returns the hashes by 1-based
 * line: of every line, or only of `selectedLines`. The occurrence numbers count every line
 * either way.
 */
export function computeLineHashes(text: string, selectedLines?: ReadonlySet<number>): Map<number, string> {
  const hashes = new Map<number, string>();
  const window = new Uint16Array(blockSize);
  const lineAt = new Int32Array(blockSize).fill(-1);
  // Occurrences by the hash's high and low 32 bits, so that only selected lines are formatted as text.
  const seen = new Map<number, Map<number, number>>();
  // The hash as four 16-bit limbs, lowest first.
  let hash0 = 0;
  let hash1 = 0;
  let hash2 = 0;
  let hash3 = 0;
  let index = 0;
  let lineNumber = 0;
  let atLineStart = true;
  let afterCarriageReturn = false;

  const emit = () => {
    const high = hash3 * limb + hash2;
    const low = hash1 * limb + hash0;
    let byLow = seen.get(high);
    if (byLow === undefined) {
      byLow = new Map<number, number>();
      seen.set(high, byLow);
    }

    const count = (byLow.get(low) ?? 0) + 1;
    byLow.set(low, count);
    const line = lineAt[index] as number;
    if (selectedLines === undefined || selectedLines.has(line)) {
      const value = high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0');
      hashes.set(line, `${value}:${count}`);
    }

    lineAt[index] = -1;
  };

  const push = (code: number) => {
    const leaving = window[index] as number;
    window[index] = code;

    // hash = modulus * hash + code - leavingFactor * leaving, modulo 2^64, limb by limb. Every
    // term stays within 2^33 of zero, and `& 0xffff` keeps the low 16 bits of a negative value
    // too, so the carry (value minus the new limb) / 2^16 is an exact integer.
    let value = hash0 * modulus + code - leaving0 * leaving;
    hash0 = value & 0xffff;
    value = hash1 * modulus - leaving1 * leaving + (value - hash0) / limb;
    hash1 = value & 0xffff;
    value = hash2 * modulus - leaving2 * leaving + (value - hash1) / limb;
    hash2 = value & 0xffff;
    value = hash3 * modulus - leaving3 * leaving + (value - hash2) / limb;
    hash3 = value & 0xffff;
    index = (index + 1) % blockSize;
  };

  const consume = (input: number) => {
    if (input === space || input === tab || (afterCarriageReturn && input === lineFeed)) {
      afterCarriageReturn = false;
      return;
    }

    let code = input;
    afterCarriageReturn = code === carriageReturn;
    if (afterCarriageReturn) {
      code = lineFeed;
    }

    // The window is full once it comes back to a slot that started a line: that line's hash is ready.
    if (lineAt[index] !== -1) {
      emit();
    }

    if (atLineStart) {
      atLineStart = false;
      lineNumber += 1;
      lineAt[index] = lineNumber;
    }

    if (code === lineFeed) {
      atLineStart = true;
    }

    push(code);
  };

  for (let i = 0; i < text.length; i += 1) {
    consume(text.charCodeAt(i));
  }

  consume(endOfInput);

  // The last lines never fill a window: pad with zeros until each of them is emitted.
  for (let i = 0; i < blockSize; i += 1) {
    if (lineAt[index] !== -1) {
      emit();
    }

    push(0);
  }

  return hashes;
}
