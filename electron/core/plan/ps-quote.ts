/**
 * PowerShell literal text for review and export scripts — never for execution by Ferry, which
 * passes values as base64 JSON data.
 *
 * PowerShell's tokenizer treats five characters as single quotes (' ‘ ’ ‚ ‛); inside a
 * single-quoted string each must be doubled, exactly as
 * `CodeGeneration.EscapeSingleQuotedStringContent` does. Missing one would let a value end the
 * string early and run the rest as code.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

const HAS_SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/;

export function quotePs(value: string): string {
  // Most values (host and VM names) hold no quote: skip the replace, the rules quote thousands per group.
  if (!HAS_SINGLE_QUOTE.test(value)) return `'${value}'`;
  return `'${value.replace(SINGLE_QUOTES, '$&$&')}'`;
}

export function psBool(value: boolean): string {
  return value ? '$true' : '$false';
}

/** Whole numbers only; anything else would be a planner bug, so refuse loudly. */
export function psInt(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a non-negative integer: ${String(value)}`);
  return String(value);
}
