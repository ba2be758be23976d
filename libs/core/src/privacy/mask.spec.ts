import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from './mask';

describe('maskPhone', () => {
  it('shows the first three and last four digits of an 11-digit number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('19912345678')).toBe('199****5678');
  });

  it('hides anything that is not 11 characters entirely', () => {
    expect(maskPhone('1380013800')).toBe('****');
    expect(maskPhone('138001380001')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });
});

describe('the other maskers', () => {
  it('keep the family name and hide the given name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
  });

  it('keep the district of an address and hide the rest', () => {
    expect(maskAddress('山东省聊城市东昌府区柳园街道 12 号')).toBe('山东省聊城市****');
    expect(maskAddress('聊城')).toBe('**');
  });

  it('keep the region and the last four characters of an ID number', () => {
    expect(maskIdNumber('371502199001011234')).toBe('371502********1234');
    expect(maskIdNumber('123')).toBe('****');
  });

  it('keep the first letter and the domain of an email address', () => {
    expect(maskEmail('wang@example.com')).toBe('w***@example.com');
    expect(maskEmail('@x')).toBe('****');
  });
});
