import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UserError } from '../errors.js';
import { assertWritableTarget, writeFileAtomic } from '../io/atomic-write.js';
import { loadCatalog, type CatalogRule } from '../rules/catalog.js';
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
  const rules = id === undefined ? catalog : [findRule(catalog, id)];
  const text = render(rules, flags.format, id !== undefined);
  if (output) {
    await writeFileAtomic(output, text);
  } else {
    context.stdout.write(text);
  }

  return ExitCode.Success;
}

function render(rules: CatalogRule[], format: RulesFlags['format'], single: boolean): string {
  switch (format) {
    case 'json':
      return formatRulesJson(rules, toolVersion);
    case 'markdown':
      return formatRulesMarkdown(rules);
    default:
      return single && rules[0] ? formatRuleDetails(rules[0]) : formatRulesText(rules);
  }
}

function findRule(catalog: CatalogRule[], id: string): CatalogRule {
  const wanted = id.trim().toUpperCase();
  const rule = catalog.find((candidate) => candidate.id === wanted);
  if (!rule) {
    throw new UserError(`There is no rule "${id}".`, {
      hint: `Rule IDs look like OQJ3002; run "oqjob rules" to list all ${catalog.length}.`,
    });
  }

  return rule;
}
