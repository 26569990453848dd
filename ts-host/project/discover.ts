import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

export type BuildTargetKind = 'solution' | 'project';

/** The solution or project that `dotnet build` runs on, and the folder that report paths are relative to. */
export interface BuildTarget {
  kind: BuildTargetKind;
  /** Absolute path of the .sln, .slnx or .csproj file. */
  file: string;
  /** Absolute folder that finding paths are made relative to: the folder checked, or the file's folder. */
  root: string;
}

const solutionExtensions = new Set(['.sln', '.slnx']);
const projectExtensions = new Set(['.csproj']);

const choosingHint = 'Pass a folder that contains exactly one solution (.sln or .slnx) or one .csproj, or pass the file itself.';

/**
 * Resolves the path given to `oqjob check` to one solution or project. A folder is used
 * when it contains exactly one solution, or else exactly one project; anything else is an
 * error that lists what was found.
 */
export async function discoverBuildTarget(input: string, cwd: string): Promise<BuildTarget> {
  const absolute = path.resolve(cwd, input);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new UserError(`The path "${input}" does not exist.`, { hint: choosingHint });
    }

    throw new UserError(`The path "${input}" cannot be read: ${error.message}.`, { hint: 'Check that it exists and that you may read it.' });
  });

  if (info.isDirectory()) {
    return discoverInFolder(absolute, input);
  }

  if (!info.isFile()) {
    throw new UserError(`The path "${input}" is neither a folder nor a file.`, { hint: choosingHint });
  }

  return targetFromFile(absolute, input);
}

function targetFromFile(file: string, input: string): BuildTarget {
  const extension = path.extname(file).toLowerCase();
  const root = path.dirname(file);
  if (solutionExtensions.has(extension)) {
    return { kind: 'solution', file, root };
  }

  if (projectExtensions.has(extension)) {
    return { kind: 'project', file, root };
  }

  throw new UserError(`The file "${input}" is not a solution or C# project: oqjob checks .sln, .slnx and .csproj files.`, {
    hint: choosingHint,
  });
}

async function discoverInFolder(folder: string, input: string): Promise<BuildTarget> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`The folder "${input}" cannot be read: ${error.message}.`, { hint: 'Check that you may list it.' });
  });
  const files = await fileNames(folder, entries);
  const solutions = files.filter((name) => solutionExtensions.has(path.extname(name).toLowerCase()));
  const projects = files.filter((name) => projectExtensions.has(path.extname(name).toLowerCase()));

  if (solutions.length === 1) {
    return { kind: 'solution', file: path.join(folder, solutions[0]!), root: folder };
  }

  if (solutions.length > 1) {
    throw ambiguous(input, 'solutions', solutions);
  }

  if (projects.length === 1) {
    return { kind: 'project', file: path.join(folder, projects[0]!), root: folder };
  }

  if (projects.length > 1) {
    throw ambiguous(input, 'projects and no solution', projects);
  }

  throw new UserError(`The folder "${input}" contains no solution (.sln, .slnx) and no .csproj file.`, {
    hint: "Pass the folder of the module's solution, or the path of a .sln, .slnx or .csproj file.",
  });
}

/** Returns the names of the folder's files, sorted, counting a symbolic link to a file as the file, as dotnet does. */
async function fileNames(folder: string, entries: Dirent[]): Promise<string[]> {
  const names: string[] = [];
  for (const entry of entries) {
    const isLinkedFile = entry.isSymbolicLink() && (await stat(path.join(folder, entry.name)).catch(() => undefined))?.isFile() === true;
    if (entry.isFile() || isLinkedFile) {
      names.push(entry.name);
    }
  }

  return names.sort();
}

function ambiguous(input: string, description: string, names: string[]): UserError {
  const example = path.join(input, names[0]!);
  return new UserError(`The folder "${input}" contains ${names.length} ${description}: ${names.join(', ')}.`, {
    hint: `Pass the one to check, for example: oqjob check ${example}`,
  });
}
