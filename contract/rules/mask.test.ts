import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking for display', () => {
  it('masks an ID number to its first 4 and last 4 characters', () => {
    expect(maskIdNumber('220681199001011234')).toBe('2206**********1234');
    expect(maskIdNumber('22068119900101123X')).toBe('2206**********123X');
  });

  it('masks a mobile number to 3 + 4 digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone(' 13912345678 ')).toBe('139****5678');
  });

  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王*');
    expect(maskName('')).toBe('');
  });

  it('hides short values entirely rather than showing most of them', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('123456')).toBe('**3456');
  });
});
