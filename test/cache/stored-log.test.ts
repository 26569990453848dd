import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { completionMarkerPath, readStoredLog } from '../../ts-host/cache/stored-log.js';
import type { CompileManifest } from '../../ts-host/sarif/compiler-log.js';

const emptyLog = JSON.stringify({ version: '2.1.0', runs: [{ results: [] }] });

/** Writes a manifest and a log whose modification times are `logAge` and `manifestAge` seconds ago. */
async function compile(logAge: number, manifestAge: number, finished: boolean): Promise<CompileManifest> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-stored-log-'));
  const manifest: CompileManifest = {
    project: '/src/Module.csproj',
    targetFramework: 'net10.0',
    assemblyName: 'Module',
    logPath: path.join(folder, 'Module.sarif'),
    manifestPath: path.join(folder, 'Module.manifest'),
  };
  const now = Date.now() / 1000;
  await writeFile(manifest.logPath, emptyLog);
  await writeFile(manifest.manifestPath, 'project=/src/Module.csproj\n');
  await utimes(manifest.logPath, now - logAge, now - logAge);
  await utimes(manifest.manifestPath, now - manifestAge, now - manifestAge);
  if (finished) {
    await writeFile(completionMarkerPath(manifest), '');
  }

  return manifest;
}

test('stored log - newer than manifest is compiled', async (t) => {
  const stored = await readStoredLog(await compile(1, 5, true));
  t.is(stored.state, 'compiled');
});

test('stored log - failed compile that wrote it is compiled', async (t) => {
  const stored = await readStoredLog(await compile(1, 5, false));
  t.is(stored.state, 'compiled');
});

test('stored log - older and finished is reused', async (t) => {
  const stored = await readStoredLog(await compile(3600, 5, true));
  t.is(stored.state, 'reused');
  t.deepEqual(stored.results, []);
});

test('stored log - older and unfinished is rejected', async (t) => {
  const manifest = await compile(3600, 5, false);
  const error = await t.throwsAsync(readStoredLog(manifest));
  t.regex(error?.message ?? '', /was not rewritten by this run's compile/);
});
