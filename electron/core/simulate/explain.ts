/**
 * Why the model converged or not, in the reader's language, from the facts the model returns
 * (`ModelResult.explain`). The engine's English `why` is the same text with `lang = 'en'`.
 */
import type { ModelResult } from '../model';

export type ExplainLocale = 'en' | 'de';
export type ModelExplain = NonNullable<ModelResult['explain']>;

const TEXT = {
  en: {
    ratio: (rho: string) => `dirty rate / bandwidth ρ = ${rho}`,
    noBandwidth: 'Does not converge: no bandwidth (link speed is zero).',
    converges: (rounds: number, r: string) => `Converges after ${rounds} round(s): ${r} < 1.`,
    roundLimit: (n: number) => `the round limit (${n})`,
    dataCap: (f: string) => `the data cap (${f} × memory)`,
    workingSet: 'the working-set bound',
    neverConverges: (r: string, limit: string) => `Does not converge: ${r} ≥ 1, so every round re-sends the writable working set; stopped at ${limit}.`,
    stuckAbove: (r: string, mb: number, limit: string) => `Does not converge: ${r}, but the remaining dirty data stayed above ${mb} MB until ${limit}.`,
  },
  de: {
    ratio: (rho: string) => `Änderungsrate / Bandbreite ρ = ${rho}`,
    noBandwidth: 'Konvergiert nicht: keine Bandbreite (Verbindungsgeschwindigkeit null).',
    converges: (rounds: number, r: string) => `Konvergiert nach ${rounds} Runde(n): ${r} < 1.`,
    roundLimit: (n: number) => `der Rundengrenze (${n})`,
    dataCap: (f: string) => `der Datenobergrenze (${f} × Arbeitsspeicher)`,
    workingSet: 'der Grenze des Working Sets',
    neverConverges: (r: string, limit: string) => `Konvergiert nicht: ${r} ≥ 1, jede Runde sendet das beschreibbare Working Set erneut; Abbruch bei ${limit}.`,
    stuckAbove: (r: string, mb: number, limit: string) => `Konvergiert nicht: ${r}, aber die verbleibenden geänderten Daten lagen bis zu ${limit} über ${mb} MB.`,
  },
} as const;

function decimal(value: number, lang: ExplainLocale): string {
  const text = value.toFixed(2);
  return lang === 'de' ? text.replace('.', ',') : text;
}

export function explainModel(e: ModelExplain, lang: ExplainLocale): string {
  const t = TEXT[lang];
  if (e.stop === 'no-bandwidth' || e.rho === null) return t.noBandwidth;
  const r = t.ratio(decimal(e.rho, lang));
  if (e.stop === 'threshold' && e.rho < 1) return t.converges(e.rounds, r);
  const limit = e.stop === 'rounds' ? t.roundLimit(e.maxRounds) : e.stop === 'data-cap' ? t.dataCap(String(e.dataCapFactor)) : t.workingSet;
  if (e.rho >= 1) return t.neverConverges(r, limit);
  return t.stuckAbove(r, Math.round(e.stopCopyThresholdBytes / 1e6), limit);
}
