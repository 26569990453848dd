/**
 * GitHub's primaryLocationLineHash. It is a rolling hash over the 100 characters that start
 * at a line's first character. Blanks and tabs are left out, and line endings become LF. The
 * hash is followed by ":n" for the n-th line of the file with the same hash. GitHub computes the
 * same value when a SARIF file arrives without it. A different value makes GitHub warn about
 * inconsistent fingerprints and open duplicate alerts.
 *
 * The arithmetic is 64-bit two's complement with wrap-around, printed unsigned in hex.
 */

const blockSize = 100;
const modulus = 37n;
const tab = 0x09;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const space = 0x20;

// Stands for the end of the input, so the last line's window differs from a line that is
// followed by more text.
const endOfInput = 0xffff;

/** Factor modulus^blockSize in 64-bit arithmetic, which removes the character leaving the window. */
const leavingFactor = (() => {
  let factor = 1n;
  for (let i = 0; i < blockSize; i += 1) {
    factor = BigInt.asIntN(64, factor * modulus);
  }

  return factor;
})();

/**
 * Computes the line hash of every line of a file's text, decoded as UTF-8 without removing a
 * byte-order mark (GitHub hashes the mark as part of line 1). Returns the hashes by 1-based line.
 */
export function computeLineHashes(text: string): Map<number, string> {
  const hashes = new Map<number, string>();
  const window: number[] = new Array<number>(blockSize).fill(0);
  const lineAt: number[] = new Array<number>(blockSize).fill(-1);
  const seen = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let atLineStart = true;
  let afterCarriageReturn = false;

  const emit = () => {
    const value = BigInt.asUintN(64, hash).toString(16);
    const count = (seen.get(value) ?? 0) + 1;
    seen.set(value, count);
    hashes.set(lineAt[index] as number, `${value}:${count}`);
    lineAt[index] = -1;
  };

  const push = (code: number) => {
    const leaving = window[index] as number;
    window[index] = code;
    hash = BigInt.asIntN(64, modulus * hash + BigInt(code) - leavingFactor * BigInt(leaving));
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
