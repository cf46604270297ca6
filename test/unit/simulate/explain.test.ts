import { describe, expect, it } from 'vitest';
import { explainModel, runModel, GIB, MB } from '../../../electron/core/simulate';

describe('explainModel', () => {
  const tenGbe = { memoryBytes: 16 * GIB, dirtyBytesPerSecond: 200 * MB, linkGbps: 10 };
  const oneGbe = { ...tenGbe, linkGbps: 1 };

  it('says the engine English text and carries the facts behind it', () => {
    const [tcp] = runModel(tenGbe);
    expect(tcp!.explain).toMatchObject({ stop: 'threshold', rounds: tcp!.rounds });
    expect(tcp!.why).toBe(explainModel(tcp!.explain!, 'en'));
    expect(tcp!.why).toMatch(/^Converges after \d round\(s\): dirty rate \/ bandwidth ρ = 0\.\d\d < 1\.$/);
  });

  it('says it in German with a decimal comma, for converging and non-converging runs', () => {
    const [ok] = runModel(tenGbe);
    const [bad] = runModel(oneGbe);
    expect(explainModel(ok!.explain!, 'de')).toMatch(/^Konvergiert nach \d Runde\(n\): Änderungsrate \/ Bandbreite ρ = 0,\d\d < 1\.$/);
    expect(bad!.converges).toBe(false);
    expect(explainModel(bad!.explain!, 'de')).toMatch(/^Konvergiert nicht: .*ρ = 1,\d\d ≥ 1/);
    expect(explainModel(bad!.explain!, 'en')).toMatch(/^Does not converge: .*≥ 1/);
  });

  it('names the missing bandwidth when the link speed is zero', () => {
    const [zero] = runModel({ ...tenGbe, linkGbps: 0 });
    expect(zero!.explain!.stop).toBe('no-bandwidth');
    expect(explainModel(zero!.explain!, 'de')).toContain('keine Bandbreite');
  });
});
