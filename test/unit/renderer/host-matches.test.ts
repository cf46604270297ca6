import { describe, expect, it } from 'vitest';
import { hostMatches, PICKER_LIMIT } from '../../../renderer/src/store/host-matches';

const names = Array.from({ length: 5000 }, (_, i) => `HV${String(i).padStart(5, '0')}`).concat(['HV01', 'HV02', 'LAB-HV01']);

describe('host picker matches', () => {
  it('offers at most the limit and counts the rest', () => {
    const all = hostMatches(names, '');
    expect(all.shown).toHaveLength(PICKER_LIMIT);
    expect(all.more).toBe(names.length - PICKER_LIMIT);
  });

  it('puts the exact name first, then names that start with the text, then names containing it', () => {
    const m = hostMatches(names, 'hv01', 3);
    expect(m.shown).toEqual(['HV01', 'HV01000', 'HV01001']);
    expect(m.more).toBe(1000 + 2 - 3); // HV01000–HV01999, HV01, LAB-HV01
    expect(hostMatches(['LAB-HV01', 'HV01'], 'hv01').shown).toEqual(['HV01', 'LAB-HV01']);
  });

  it('matches case-insensitively, ignores surrounding spaces, and says when nothing matches', () => {
    expect(hostMatches(names, '  hv04321 ').shown).toEqual(['HV04321']);
    expect(hostMatches(names, 'nope')).toEqual({ shown: [], more: 0 });
  });
});
