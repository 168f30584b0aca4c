import { indexTerms, parseSearch, searchableText, termLookup, textRuns } from './search-words';

describe('textRuns and searchableText', () => {
  it('folds full-width characters and case, drops spaces and cuts at punctuation', () => {
    expect(textRuns('益康大药房（新市店）')).toEqual(['益康大药房', '新市店']);
    expect(textRuns('科普 Ｅ 站')).toEqual(['科普e站']);
    expect(searchableText(['长者食堂/助餐点', '临江市新市街258号'])).toBe('长者食堂 助餐点 临江市新市街258号');
  });
});

describe('indexTerms and termLookup', () => {
  it('indexes neighbouring pairs and each run end, never digits alone', () => {
    expect(indexTerms(['药店', '258号'])).toEqual(['药店', '店 ', '8号', '号 ']);
    expect(indexTerms(['e'])).toEqual(['e ']);
  });

  it('looks a word up by its pairs, one character by the terms it starts, digits not at all', () => {
    expect(termLookup('大药房')).toEqual({ pairs: ['大药', '药房'] });
    expect(termLookup('药')).toEqual({ startsWith: '药' });
    expect(termLookup('258')).toBeNull();
    expect(termLookup('7')).toBeNull();
  });
});

describe('parseSearch', () => {
  const spellings = (query: string) => parseSearch(query).map((w) => w.spellings.sort());

  it('expands everyday words into their group, without spellings that contain another', () => {
    expect(spellings('药店')).toEqual([['买药', '医药', '药店', '药房', '药铺'].sort()]);
    expect(spellings('长者食堂')[0]).toEqual(expect.arrayContaining(['长者食堂', '助餐点', '老年食堂']));
    expect(spellings('医院')[0]).toEqual(expect.arrayContaining(['医院', '卫生院', '卫生室', '诊所', '卫生服务中心']));
  });

  it('replaces a group member inside a longer word', () => {
    expect(spellings('新市药店')[0]).toEqual(expect.arrayContaining(['新市药店', '新市药房']));
  });

  it('splits at spaces (full-width too) and punctuation: every word must match', () => {
    expect(parseSearch('新市　药店').map((w) => w.typed)).toEqual(['新市', '药店']);
    expect(parseSearch('长者食堂/助餐点').map((w) => w.typed)).toEqual(['长者食堂', '助餐点']);
    expect(parseSearch('  ')).toEqual([]);
  });

  it('drops fillers around a word but keeps everyday words that start with one', () => {
    expect(parseSearch('附近的药店').map((w) => w.typed)).toEqual(['药店']);
    expect(parseSearch('卫生院在哪里').map((w) => w.typed)).toEqual(['卫生院']);
    expect(parseSearch('找工作').map((w) => w.typed)).toEqual(['找工作']);
    expect(parseSearch('附近')).toEqual([]);
  });

  it('reads 拼音 initials as the word they stand for, and still as letters', () => {
    expect(parseSearch('YD')[0].spellings).toEqual(expect.arrayContaining(['yd', '药店', '药房']));
    expect(parseSearch('atm')[0].spellings).toEqual(['atm']);
  });
});
