/**
 * Escapes Terraform interpolation and directive openers in literal text (`${` → `$${`,
 * `%{` → `%%{`) while leaving cdktf tokens (`${TfToken[…]}`) to be resolved as references.
 * A value with no opener anywhere is returned as it is (one native scan instead of a copy);
 * callers must not mutate the result.
 */
export function escapeLiterals(value: unknown): any {
  return escapeLiteralsWithText(value).escaped;
}

/**
 * {@link escapeLiterals}, also returning the JSON text of `value` (undefined when it cannot be
 * serialized), which callers may scan instead of serializing again. Escaping touches only `$`
 * and `%`, so the text holds the same words as the escaped value.
 */
export function escapeLiteralsWithText(value: unknown): { escaped: any; text?: string } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // not serializable: escape it field by field
  }
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
