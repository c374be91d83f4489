/* Names with spacing: a space parts two names, but pads a two-character name; one person counts once. */
import { parsePersons } from '../../src/ledger/persons';
import { GOOD, rulesOf } from '../helpers/ledger';

describe('parsePersons', () => {
  test.each([
    ['张三 李四', ['张三', '李四']], // the notice's own template
    ['张三　李四', ['张三', '李四']],
    ['张　伟', ['张伟']],
    ['王 明', ['王明']],
    ['王  明', ['王明']], // two half-width spaces: the width of one character
    ['王　明、李　强', ['王明', '李强']],
    ['王　明 李　强', ['王明', '李强']],
    ['张　伟 李四', ['张伟', '李四']],
    ['欧阳明 李四', ['欧阳明', '李四']],
    ['王明、李强、王明', ['王明', '李强']],
  ])('%s', (text, names) => {
    const p = parsePersons(text);
    expect(p.names).toEqual(names);
    expect(p.count).toBe(names.length);
  });

  test('the same officer twice is one officer', () => {
    expect(parsePersons('李强、李强')).toMatchObject({ names: ['李强'], count: 1, repeated: true });
    expect(parsePersons('李强 李强')).toMatchObject({ count: 1, repeated: true });
  });
});

describe('persons-min-two on padded names', () => {
  const row = (officers: string) => ({ ...GOOD.penalty, officers });
  test.each(['王　明', '张 伟', '李强、李强', '李强，李强'])('%s is one person', (officers) => {
    expect(rulesOf('penalty', row(officers))).toContain('persons-min-two');
  });
  test.each(['王　明、李　强', '张三 李四', '张 伟、李 强', '王 明，李强'])('%s is two persons', (officers) => {
    expect(rulesOf('penalty', row(officers))).toEqual([]);
  });
});
