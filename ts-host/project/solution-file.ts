import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../errors.js';

// A solution file larger than this is not a real solution, so it is not read into memory.
const maxSolutionBytes = 16 * 1024 * 1024;

// In a .sln, a line such as: Project("{type}") = "Name", "Folder\Name.csproj", "{id}". It is
// matched one line at a time, because a multiline pattern backtracks over every blank line.
const slnProjectLine = /^[ \t]*Project\("\{[^}]*\}"\)[ \t]*=[ \t]*"[^"]*"[ \t]*,[ \t]*"([^"]*)"/;

// Solution folders are listed like projects, with their name as the path, so only entries
// that name a project file are checked.
const projectFile = /\.[A-Za-z]+proj$/;

/**
 * Returns the project paths that a .sln or .slnx lists, as written in the file (relative to
 * the solution's folder, with either slash).
 */
export function listSolutionProjects(text: string, kind: '.sln' | '.slnx'): string[] {
  const paths = kind === '.sln' ? listSlnProjects(text) : listSlnxProjects(text);
  return paths.filter((entry) => projectFile.test(entry));
}

function listSlnProjects(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const match = slnProjectLine.exec(line);
    if (match) {
      found.push(match[1]!);
    }
  }

  return found;
}

function listSlnxProjects(text: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, processEntities: false });
  const found: string[] = [];
  collectProjectPaths(parser.parse(text) as unknown, found);
  return found;
}

// Projects sit directly under <Solution> or inside nested <Folder> elements.
function collectProjectPaths(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child) => collectProjectPaths(child, found));
    return;
  }

  if (typeof node !== 'object' || node === null) {
    return;
  }

  for (const [key, value] of Object.entries(node)) {
    if (key === 'Project') {
      for (const project of value as unknown[]) {
        const pathValue = (project as Record<string, unknown>).Path;
        if (typeof pathValue === 'string') {
          found.push(pathValue);
        }
      }
    }

    if (key === 'Solution' || key === 'Folder') {
      collectProjectPaths(value, found);
    }
  }
}

/**
 * Fails before the build when the solution lists a project file that does not exist: dotnet
 * would report it only after a restore attempt, in MSBuild's terms. Returns the absolute
 * paths of the C# projects listed, which the build is expected to compile.
 */
export async function assertSolutionProjectsExist(solution: string, shownName: string): Promise<string[]> {
  const info = await stat(solution);
  if (info.size > maxSolutionBytes) {
    throw new UserError(`The solution "${shownName}" is larger than ${maxSolutionBytes} bytes, which no real solution is.`, {
      hint: 'Check that the path names the module\'s solution file.',
    });
  }

  const kind = path.extname(solution).toLowerCase() === '.slnx' ? '.slnx' : '.sln';
  let listed: string[];
  try {
    const text = await readFile(solution, 'utf8');
    const validity = kind === '.slnx' ? XMLValidator.validate(text) : true;
    if (validity !== true) {
      throw new Error(`${validity.err.msg} (line ${validity.err.line})`);
    }

    listed = listSolutionProjects(text, kind);
  } catch (error) {
    throw new UserError(`The solution "${shownName}" cannot be read: ${(error as Error).message}`, {
      hint: 'Open it in an editor or run "dotnet sln list" on it to find the broken part.',
    });
  }

  const folder = path.dirname(solution);
  const missing: string[] = [];
  for (const entry of listed) {
    const exists = await stat(path.resolve(folder, entry.replace(/\\/g, '/'))).then((found) => found.isFile(), () => false);
    if (!exists) {
      missing.push(entry.replace(/\\/g, '/'));
    }
  }

  if (missing.length === 0) {
    return listed.filter((entry) => /\.csproj$/i.test(entry)).map((entry) => path.resolve(folder, entry.replace(/\\/g, '/')));
  }

  const count = missing.length === 1 ? 'a project that does not exist' : `${missing.length} projects that do not exist`;
  throw new UserError(`The solution "${shownName}" lists ${count}: ${missing.join(', ')}.`, {
    hint: `Restore the missing project files, or remove them from the solution with "dotnet sln ${shownName} remove ${missing[0]}".`,
  });
}
