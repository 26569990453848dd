import { readFile, writeFile } from 'node:fs/promises';

const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';

/**
 * Replaces the measured part of the benchmark page, between the two markers, and keeps the
 * hand-written text around it. A page without the markers gets them appended.
 */
export async function updateDocument(file: string, measured: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${begin}\n${measured}\n${end}`;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next = start >= 0 && stop > start ? current.slice(0, start) + block + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}
