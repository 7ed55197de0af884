/**
 * Escapes Terraform interpolation and directive openers in literal text (`${` → `$${`,
 * `%{` → `%%{`) while leaving cdktf tokens (`${TfToken[…]}`) to be resolved as references.
 */
export function escapeLiterals(value: unknown): any {
  // Function replacers: in a replacement string "$$" would mean a single "$".
  if (typeof value === 'string') return value.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (Array.isArray(value)) return value.map(escapeLiterals);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, escapeLiterals(v)]));
  }
  return value;
}
