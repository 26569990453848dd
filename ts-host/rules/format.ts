import type { CatalogRule } from './catalog.js';

/** Formats the catalog as aligned text columns, one rule per line. */
export function formatRulesText(rules: CatalogRule[]): string {
  const idWidth = Math.max(2, ...rules.map((rule) => rule.id.length));
  const severityWidth = Math.max(8, ...rules.map((rule) => rule.defaultSeverity.length));
  const familyWidth = Math.max(6, ...rules.map((rule) => rule.family.length));
  const line = (id: string, severity: string, family: string, title: string) =>
    `${id.padEnd(idWidth)}  ${severity.padEnd(severityWidth)}  ${family.padEnd(familyWidth)}  ${title}`.trimEnd();

  const lines = [line('ID', 'SEVERITY', 'FAMILY', 'TITLE'), ...rules.map((rule) => line(rule.id, rule.defaultSeverity, rule.family, rule.title))];
  lines.push('', `${rules.length} rules. Run "oqjob rules <ID>" for one rule's details; each rule's page is at its help address.`);
  return `${lines.join('\n')}\n`;
}

/** Formats one rule in full, for "oqjob rules <ID>". */
export function formatRuleDetails(rule: CatalogRule): string {
  return [
    `${rule.id}: ${rule.title}`,
    '',
    `Default severity: ${rule.defaultSeverity}`,
    `Rule family:      ${rule.family}`,
    `Category:         ${rule.category}`,
    `Help:             ${rule.helpUri}`,
    '',
    rule.description,
    '',
    `Change its severity in .editorconfig: dotnet_diagnostic.${rule.id}.severity = warning`,
    '',
  ].join('\n');
}

/** Formats the catalog as JSON, versioned like the check report. */
export function formatRulesJson(rules: CatalogRule[], toolVersion: string): string {
  return `${JSON.stringify({ version: 1, toolVersion, rules }, null, 2)}\n`;
}

/**
 * Formats the rule index page docs/rules/README.md. "npm run docs:rules" writes it, and a
 * test compares the committed page with this output.
 */
export function formatRulesMarkdown(rules: CatalogRule[]): string {
  const rows = rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${escapeCell(rule.title)} | ${rule.defaultSeverity} | ${rule.family} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the analyzer\'s descriptors by "npm run docs:rules"; edit the descriptors, not this table. -->',
    '',
    `oqjob has ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} in ${new Set(rules.map((rule) => rule.family)).size} ${new Set(rules.map((rule) => rule.family)).size === 1 ? 'family' : 'families'}. Each rule's page says what it reports, the framework fact behind it, how to fix a finding and how to suppress one. Severities are SARIF levels (note is the compiler's info); change one per rule in \`.editorconfig\`, for example \`dotnet_diagnostic.OQJ2003.severity = error\`.`,
    '',
    '| ID | Title | Default severity | Rule family |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
