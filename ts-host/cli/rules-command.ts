import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UserError } from '../errors.js';
import { assertWritableTarget, writeFileAtomic } from '../io/atomic-write.js';
import { loadCatalog, type CatalogRule } from '../rules/catalog.js';
import { loadRuleHelp } from '../rules/help.js';
import { formatRuleDetails, formatRulesJson, formatRulesMarkdown, formatRulesText } from '../rules/format.js';
import { toolVersion } from '../version.js';
import type { CommandContext } from './check-command.js';
import { ExitCode } from './exit-codes.js';

interface RulesFlags {
  format: 'text' | 'json' | 'markdown';
  output?: string;
}

export function addRulesCommand(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  program
    .command('rules')
    .description('Print the rule catalog: every rule oqjob checks, with its default severity and family.')
    .argument('[id]', 'print only this rule, for example OQJ3002')
    .addOption(new Option('--format <format>', 'output format (markdown prints the rule index page)').choices(['text', 'json', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (id: string | undefined, flags: RulesFlags) => {
      setExitCode(await rulesAction(id, flags, context));
    });
}

async function rulesAction(id: string | undefined, flags: RulesFlags, context: CommandContext): Promise<number> {
  const output = flags.output ? path.resolve(context.cwd, flags.output) : undefined;
  if (output) {
    await assertWritableTarget(output);
  }

  const catalog = await loadCatalog();
  const text = id === undefined ? render(catalog, flags.format) : await renderOne(findRule(catalog, id), flags.format);
  if (output) {
    await writeFileAtomic(output, text);
  } else {
    context.stdout.write(text);
  }

  return ExitCode.Success;
}

function render(rules: CatalogRule[], format: RulesFlags['format']): string {
  switch (format) {
    case 'json':
      return formatRulesJson(rules, toolVersion);
    case 'markdown':
      return formatRulesMarkdown(rules);
    default:
      return formatRulesText(rules);
  }
}

/** Renders one rule in full: its catalog entry and its docs page. */
async function renderOne(rule: CatalogRule, format: RulesFlags['format']): Promise<string> {
  if (format === 'json') {
    return formatRulesJson([rule], toolVersion);
  }

  const help = await loadRuleHelp(rule.id);
  if (format === 'markdown') {
    return `${help.markdown}\n`;
  }

  // The page's first line repeats the ID and title that the details start with.
  const page = help.text.split('\n').slice(1).join('\n').trim();
  return `${formatRuleDetails(rule)}\n${page}\n`;
}

function findRule(catalog: CatalogRule[], id: string): CatalogRule {
  const requested = id.trim().toUpperCase();
  const rule = catalog.find((candidate) => candidate.id === requested);
  if (!rule) {
    throw new UserError(`There is no rule "${id}".`, {
      hint: `Rule IDs look like OQJ3002; run "oqjob rules" to list all ${catalog.length}.`,
    });
  }

  return rule;
}
