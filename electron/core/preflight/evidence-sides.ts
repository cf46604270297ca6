/**
 * Evidence that compares the two hosts, paired up for a source | destination view: `source` with
 * `destination`, `liveSource` with `liveDestination`, `sourceCpu` with `destinationCpu` (the
 * naming convention of the rules, see evidence-texts.ts). Everything else stays a plain line.
 */
import type { EvidenceLine } from './evidence-texts';

export interface EvidenceSides {
  /** The pair's name (`live`, `cpu`); '' for the plain `source`/`destination` pair. */
  readonly key: string;
  /** The source line's label without its "(source)" part; '' for the plain pair (the caller names it). */
  readonly label: string;
  readonly source: string;
  readonly destination: string;
  readonly differs: boolean;
}

/** The destination key paired with a source key, or undefined when the key is not a source side. */
function destinationKeyOf(key: string): { readonly pair: string; readonly destination: string } | undefined {
  if (key === 'source') return { pair: '', destination: 'destination' };
  if (key.endsWith('Source') && key.length > 'Source'.length) return { pair: key.slice(0, -'Source'.length), destination: `${key.slice(0, -'Source'.length)}Destination` };
  if (key.startsWith('source') && key.length > 'source'.length) {
    const rest = key.slice('source'.length);
    return { pair: rest.charAt(0).toLowerCase() + rest.slice(1), destination: `destination${rest}` };
  }
  return undefined;
}

export function splitEvidenceSides(lines: readonly EvidenceLine[]): { readonly sides: EvidenceSides[]; readonly rest: EvidenceLine[] } {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const paired = new Set<string>();
  const sides: EvidenceSides[] = [];
  for (const line of lines) {
    const d = destinationKeyOf(line.key);
    const other = d ? byKey.get(d.destination) : undefined;
    if (!d || !other) continue;
    paired.add(line.key).add(other.key);
    sides.push({
      key: d.pair,
      label: d.pair === '' ? '' : line.label.replace(/\s*\([^)]*\)\s*$/, ''),
      source: line.value,
      destination: other.value,
      differs: line.value !== other.value,
    });
  }
  return { sides, rest: lines.filter((l) => !paired.has(l.key)) };
}
