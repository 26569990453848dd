import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import { goldenRoot } from './paths.js';

/** Compares the text with test/golden/NAME; with UPDATE_GOLDEN=1 it first writes the text there. */
export async function assertGolden(t: ExecutionContext, name: string, actual: string): Promise<void> {
  const file = path.join(goldenRoot, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(file, actual);
  }

  t.is(actual, await readFile(file, 'utf8'), `golden file ${name} differs; run with UPDATE_GOLDEN=1 to accept`);
}
