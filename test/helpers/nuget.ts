import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot } from './paths.js';

const packageProject = path.join(repoRoot, 'analyzer-cs', 'Oqjob.Analyzers.Package', 'Oqjob.Analyzers.Package.csproj');

/** The product version, which the NuGet package takes from package.json. */
export async function productVersion(): Promise<string> {
  return (JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Packs Oqjob.Analyzers with the real `dotnet pack` into a new folder, which then serves as a local feed. */
export async function packAnalyzerPackage(): Promise<{ feed: string; packageFile: string }> {
  const feed = await mkdtemp(path.join(os.tmpdir(), 'oqjob-feed-'));
  await execa('dotnet', ['pack', packageProject, '-c', 'Release', '-o', feed, '--nologo', '-v', 'q'], { cwd: repoRoot });
  const packages = (await readdir(feed)).filter((name) => name.endsWith('.nupkg'));
  if (packages.length !== 1) {
    throw new Error(`dotnet pack wrote ${packages.length} packages to ${feed}, expected one: ${packages.join(', ')}`);
  }

  return { feed, packageFile: path.join(feed, packages[0]!) };
}

/**
 * Makes the project folder restore from the local feed only, and returns the environment
 * that keeps the restored packages in a private folder, so the user's NuGet cache is untouched.
 */
export async function useLocalFeed(folder: string, feed: string): Promise<Record<string, string>> {
  const config = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <packageSources>',
    '    <clear />',
    `    <add key="oqjob-test-feed" value="${feed}" />`,
    '  </packageSources>',
    '</configuration>',
    '',
  ].join('\n');
  await writeFile(path.join(folder, 'nuget.config'), config);
  return { NUGET_PACKAGES: await mkdtemp(path.join(os.tmpdir(), 'oqjob-nuget-packages-')) };
}

/** Adds a PackageReference to Oqjob.Analyzers, as `dotnet add package` writes it for a development dependency. */
export async function referenceAnalyzerPackage(projectFile: string, version: string): Promise<void> {
  const project = await readFile(projectFile, 'utf8');
  const reference = [
    '  <ItemGroup>',
    `    <PackageReference Include="Oqjob.Analyzers" Version="${version}">`,
    '      <PrivateAssets>all</PrivateAssets>',
    '      <IncludeAssets>runtime; build; native; contentfiles; analyzers</IncludeAssets>',
    '    </PackageReference>',
    '  </ItemGroup>',
    '</Project>',
  ].join('\n');
  await writeFile(projectFile, project.replace(/<\/Project>\s*$/, `${reference}\n`));
}

export interface BuildDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  /** Relative to the built folder, with forward slashes. */
  file: string;
  line: number;
}

/** Runs a plain `dotnet build` and returns its exit code and the oqjob diagnostics it printed, each once. */
export async function plainBuild(target: string, cwd: string, env: Record<string, string>): Promise<{ exitCode: number; output: string; diagnostics: BuildDiagnostic[] }> {
  const result = await execa('dotnet', ['build', target, '--nologo', '-clp:NoSummary'], { cwd, env, reject: false, stdin: 'ignore' });
  const output = `${String(result.stdout)}\n${String(result.stderr)}`;
  const seen = new Map<string, BuildDiagnostic>();
  for (const match of output.matchAll(/^\s*(.+?)\((\d+),\d+\): (error|warning) (OQJ\d{4}):/gm)) {
    const file = path.relative(cwd, match[1]!).split(path.sep).join('/');
    const diagnostic: BuildDiagnostic = { ruleId: match[4]!, severity: match[3] as BuildDiagnostic['severity'], file, line: Number(match[2]) };
    seen.set(`${diagnostic.ruleId}|${file}|${diagnostic.line}|${diagnostic.severity}`, diagnostic);
  }

  return { exitCode: result.exitCode ?? -1, output, diagnostics: [...seen.values()] };
}
