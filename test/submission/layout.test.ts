import { cellLines, splitDocNo, textWidth } from '../../src/submission/layout';

test('a document number too wide for its column breaks before the year, not inside it', () => {
  const no = '天综执检〔2023〕43号';
  expect(splitDocNo(no)).toEqual(['天综执检', '〔2023〕43号']);
  const narrow = textWidth(no) - 10;
  expect(cellLines(no, 'docNo', narrow)).toEqual([['天综执检', '〔2023〕43号']]);
  expect(cellLines(no, 'docNo', textWidth(no) * 2)).toEqual([[no]]);
  expect(splitDocNo('无年份文号')).toEqual(['无年份文号']);
  expect(cellLines('天综执罚决[2023]21号', 'docNo', 100)).toEqual([['天综执罚决', '[2023]21号']]);
});
