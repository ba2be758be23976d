import { generatePassword } from './passwords';
import { passwordWeakness } from './password.rules';

const user = { username: 'zhang.san', displayName: '张三' };

describe('passwordWeakness', () => {
  it.each([
    ['a passphrase', 'correct horse battery'],
    ['the test kit’s password', 'case handling test pw'],
    ['Chinese and Latin', '案件办理-测试-Password-2026!'],
    ['only lower-case letters and spaces: no composition rules', 'purple monkey dishwasher lamp'],
    ['128 characters', 'x7#Lq9'.repeat(21) + 'ab'],
  ])('accepts %s', (_name, password) => {
    expect(passwordWeakness(password, user)).toBeNull();
  });

  it.each([
    ['11 characters', 'Kq7#pL2!xZw', /12–128/],
    ['129 characters', 'x7#Lq9'.repeat(21) + 'abc', /12–128/],
    ['the username', 'my-zhang.san-2026-Kq7#', /username/],
    ['the username in another case', 'ZHANG.SAN is my name!!', /username/],
    ['a common password', 'password1234', /guess/],
    ['a repetition', 'aaaaaaaaaaaaaaaa', /guess/],
    ['a keyboard walk', 'qwertyuiop123', /guess/],
    ['a sequence', '1234567890123', /guess/],
  ])('refuses %s', (_name, password, reason) => {
    const weakness = passwordWeakness(password, user);
    expect(weakness?.en).toMatch(reason);
    expect(weakness?.zh).toMatch(/密码/);
  });

  it('accepts every generated password', () => {
    for (let i = 0; i < 20; i++) expect(passwordWeakness(generatePassword(), user)).toBeNull();
  });
});
