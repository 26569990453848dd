/**
 * Escapes a value for a `-p:Name=value` argument. MSBuild splits property values on ';'
 * and expands '$', '@' and '%'; its escape syntax is %XX with the character's hex code.
 */
export function escapePropertyValue(value: string): string {
  return value.replace(/[%;$@']/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function propertyArgument(name: string, value: string): string {
  return `-p:${name}=${escapePropertyValue(value)}`;
}
