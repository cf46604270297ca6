/**
 * Values the rules derive from gathered facts, derived once per fact object instead of once per
 * pair: a group of 50 hosts evaluates each host's facts in 98 pairs, and a mesh account's 196
 * delegation entries would otherwise be lower-cased and joined in every one of them.
 *
 * Gathered facts are immutable (every fact type is readonly), so a value derived from an array
 * stays true for that array; keyed weakly, the memo goes when the facts go.
 */

const lowered = new WeakMap<readonly string[], ReadonlySet<string>>();
const joins = new WeakMap<readonly string[], Map<string, string>>();

/** The values lower-cased, as a set: AD compares these strings case-insensitively. */
export function lowerCaseSet(values: readonly string[]): ReadonlySet<string> {
  let set = lowered.get(values);
  if (set === undefined) {
    set = new Set(values.map((v) => v.toLowerCase()));
    lowered.set(values, set);
  }
  return set;
}

/** `values.join(separator)`, joined once per array. */
export function joined(values: readonly string[], separator: string): string {
  let bySeparator = joins.get(values);
  if (bySeparator === undefined) {
    bySeparator = new Map();
    joins.set(values, bySeparator);
  }
  let text = bySeparator.get(separator);
  if (text === undefined) {
    text = values.join(separator);
    bySeparator.set(separator, text);
  }
  return text;
}

/**
 * `derive` once per fact object: for a value a rule computes from one host's facts (its VMs, its
 * switches, its supported versions) in every pair the host is in. One memo per derivation.
 */
export function perFact<K extends object, V>(derive: (facts: K) => V): (facts: K) => V {
  const memo = new WeakMap<K, V>();
  return (facts) => {
    if (memo.has(facts)) return memo.get(facts) as V;
    const value = derive(facts);
    memo.set(facts, value);
    return value;
  };
}
