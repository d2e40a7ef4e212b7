import { describe, expect, it } from 'vitest';
import { cleanAliases, matchKey, matchKeysOf } from './match-key';

describe('matchKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(matchKey('Nagorno-Karabakh')).toBe('nagorno karabakh');
    expect(matchKey('  nagorno   karabakh ')).toBe('nagorno karabakh');
    expect(matchKey('NAGORNO–KARABAKH')).toBe('nagorno karabakh');
    expect(matchKey('İlham Əliyev')).toBe(matchKey('ilham əliyev'));
    expect(matchKey('Erdoğan')).toBe('erdogan');
    expect(matchKey('Côte d’Ivoire')).toBe('cote d ivoire');
    expect(matchKey('Ministry of Defence (Azerbaijan)')).toBe('ministry of defence azerbaijan');
  });

  it('folds letters that have no combining form', () => {
    expect(matchKey('Qarabağ Hərbi Dairəsi')).toBe('qarabag hərbi dairəsi');
    expect(matchKey('Bakı')).toBe('baki');
    expect(matchKey('Łódź')).toBe('lodz');
    expect(matchKey('Straße')).toBe('strasse');
  });

  it('keeps letters of other scripts', () => {
    expect(matchKey('Արցախ')).toBe('արցախ');
    expect(matchKey('Нагорный Карабах')).toBe('нагорныи карабах');
  });

  it('is empty for punctuation only', () => {
    expect(matchKey(' -- ')).toBe('');
  });
});

describe('matchKeysOf and cleanAliases', () => {
  it('stores each distinct key once, name first, without blanks', () => {
    expect(matchKeysOf('Nagorno-Karabakh', ['Artsakh', 'nagorno karabakh', '', 'ARTSAKH'])).toEqual(['nagorno karabakh', 'artsakh']);
  });

  it('drops blank aliases and aliases equal to the name or to an earlier alias', () => {
    expect(cleanAliases('Nagorno-Karabakh', [' Artsakh ', 'nagorno karabakh', '  ', 'artsakh', 'Upper Karabakh'])).toEqual([
      'Artsakh',
      'Upper Karabakh',
    ]);
  });
});
