/**
 * `{{name}}` → params.name, '' for a name the params lack: how the English tables of refusals
 * and warnings (group issues, handler errors, plan warnings, unrestorable audit records) become
 * the CLI's and the logs' messages. The window words the same codes from its own texts.
 * (Finding texts use `interpolate`, which formats sizes and durations and refuses a missing value.)
 */
export function fillPlaceholders(text: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
