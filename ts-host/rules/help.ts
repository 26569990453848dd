import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { packageRoot } from '../version.js';

/** A rule's docs page, as SARIF's help object carries it. */
export interface RuleHelp {
  markdown: string;
  text: string;
}

/** Folder of the rule pages inside the installed package. */
export const bundledRuleDocsFolder = path.join(packageRoot, 'docs', 'rules');

/** Reads the docs page of a rule; a missing page means a broken install. */
export async function loadRuleHelp(id: string, folder: string = bundledRuleDocsFolder): Promise<RuleHelp> {
  const file = path.join(folder, `${id}.md`);
  let markdown: string;
  try {
    markdown = (await readFile(file, 'utf8')).replace(/\r\n/g, '\n').trimEnd();
  } catch (error) {
    throw new UserError(`The docs page of rule ${id} cannot be read: ${(error as Error).message}.`, {
      hint: 'Reinstall oqjob; its package ships every rule page under docs/rules.',
    });
  }

  return { markdown, text: toPlainText(markdown) };
}

/**
 * Turns the page into plain text for viewers without markdown: headings lose their marks,
 * tables become lines of cells, links keep their text, code stays as written.
 */
export function toPlainText(markdown: string): string {
  const lines: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }

    if (inCode) {
      lines.push(`    ${line}`);
    } else if (/^\|[-| ]+\|$/.test(line)) {
      continue;
    } else if (line.startsWith('|')) {
      lines.push(line.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '').join(': '));
    } else {
      lines.push(line.replace(/^#+\s*/, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'));
    }
  }

  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
