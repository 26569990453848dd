import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { copyFixtures } from '../helpers/fixtures.js';
import { repoRoot } from '../helpers/paths.js';

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

// One real `npm pack` for the whole file. Scripts are skipped because prepack rebuilds dist/,
// which the other test files are using; `npm test` has just built it the same way.
const packed = (async () => {
  const destination = await mkdtemp(path.join(os.tmpdir(), 'oqjob-npm-pack-'));
  const result = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: repoRoot });
  const [pack] = JSON.parse(String(result.stdout)) as PackResult[];
  return { tarball: path.join(destination, pack!.filename), files: pack!.files.map((file) => file.path) };
})();

test('npm package - contains what the CLI runs on', async (t) => {
  const { files } = await packed;

  for (const required of [
    'package.json',
    'README.md',
    'dist/ts-host/cli/main.js',
    'dist/ts-host/dotnet/oqjob.targets',
    'dist/analyzer/Oqjob.Analyzers.dll',
    'dist/analyzer/rules.json',
    'docs/configuration.md',
    'docs/rules/OQJ2002.md',
  ]) {
    t.true(files.includes(required), `the package lacks ${required}`);
  }
});

test('npm package - leaves out tests, sources and maps', async (t) => {
  const { files } = await packed;

  t.deepEqual(files.filter((file) => /^(test|fixtures|analyzer-cs|ts-host|scripts|dist\/test)\//.test(file)), []);
  t.deepEqual(files.filter((file) => file.endsWith('.map')), []);
});

test('npm package - prepack builds the analyzer and the CLI', async (t) => {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  t.is(manifest.scripts.prepack, 'npm run build');
  t.regex(manifest.scripts.build ?? '', /build:analyzer/);
  t.regex(manifest.scripts.build ?? '', /build:ts/);
});

test('npm package - installed oqjob checks the sample module', async (t) => {
  const { tarball } = await packed;
  const project = await mkdtemp(path.join(os.tmpdir(), 'oqjob-npm-consumer-'));
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'oqjob-consumer', version: '1.0.0', private: true }, null, 2)}\n`);

  // The dependencies come from the npm cache when they are there, else from the registry.
  await execa('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });

  const folder = await copyFixtures('sample-module');
  const oqjob = path.join(project, 'node_modules', '.bin', 'oqjob');
  const run = await execa(oqjob, ['check', path.join(folder, 'sample-module'), '--format', 'json'], {
    cwd: folder,
    env: { NO_COLOR: '1', CI: 'true' },
    reject: false,
    stdin: 'ignore',
  });

  t.is(run.exitCode, 1, String(run.stderr));
  const report = JSON.parse(String(run.stdout)) as { findings: Array<{ severity: string }>; build: { complete: boolean } };
  t.true(report.build.complete);
  t.is(report.findings.length, 11);
  t.is(report.findings.filter((finding) => finding.severity === 'error').length, 6);
});
