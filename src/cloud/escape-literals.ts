import { jsonText } from '../domain/json';

/**
 * Escapes Terraform interpolation and directive openers in literal text (`${` → `$${`,
 * `%{` → `%%{`) while leaving cdktf tokens (`${TfToken[…]}`) to be resolved as references.
 * A value with no opener anywhere is returned as it is (one native scan instead of a copy);
 * callers must not mutate the result. Also returns the JSON text of `value` (undefined when
 * it has none), which callers may scan instead of serializing again: escaping touches only
 * `$` and `%`, so the text holds the same words as the escaped value.
 */
export function escapeLiterals(value: unknown): { escaped: any; text?: string } {
  const text = jsonText(value);
  return { escaped: text !== undefined && !/[$%]\{/.test(text) ? value : escapeDeep(value), text };
}

function escapeDeep(value: unknown): any {
  // Function replacers: in a replacement string "$$" would mean a single "$".
  if (typeof value === 'string') return value.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, escapeDeep(v)]));
  }
  return value;
}
