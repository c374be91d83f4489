/*
 * Rows of a ledger table that are not cases, recognised as a county reviewer reads them: month,
 * quarter or batch dividers (`2023年11月`, `十一月份`, `第四季度`, `补录`), 合计/小计/共N件 rows,
 * notes and sign-off lines (报送要求, 填表说明, 注：, 制表人：, 以下空白), and the "本期无…案件"
 * line of a Word ledger. They neither become records nor end the table (README 「台账怎么被识别」).
 */
import { compact } from './text';

const NOTE_HEADING = /^(报送要求|填表说明|填报说明|编制说明|注意|以下空白|以下无(正文|内容)?|此页无正文|本期无.{0,12}案件|第\d+页|共\d+页)/;
const NOTE_LABEL = /^(说明|注|备注|附注|附件|附|制表|填表|填报|审核|审批|复核|核对|单位负责人|负责人|分管领导|主要领导|报送单位|报送日期|报送时间|填表日期|填报日期|制表日期|联系人|联系电话|经办人|统计人|单位)[^:：]{0,6}[:：]/;
const NOTE_ROLE = /^((制表|填表|填报|审核|审批|复核|经办|统计)人|注[0-9①-⑩])/;
const SEAL = /[(（]盖章[)）]|盖章[:：]/;

/** A note, footnote or sign-off line (by its first cell's text). */
export function isNoteText(text: string): boolean {
  const t = compact(text.length > 60 ? text.slice(0, 60) : text);
  return NOTE_HEADING.test(t) || NOTE_LABEL.test(t) || NOTE_ROLE.test(t) || SEAL.test(t.slice(0, 24));
}

const TOTAL = /^(合计|小计|总计|共计|累计|总数|本[页月期季年]?(合计|小计|累计|共计)|共[0-9一二三四五六七八九十百千]+[件起条宗个次项例]|罚没款?(金额)?合计|罚款合计)/;

/** A short label that names a sum anywhere in it: 件数合计, 罚没金额合计, 本页小计. */
const TOTAL_WORD = /合计|小计|总计|共计|累计/;

/** A total line: 合计, 小计, 总计, 共20件, 件数合计 … (by its first cell's text). */
export function isTotalText(text: string): boolean {
  const t = compact(text.length > 40 ? text.slice(0, 40) : text);
  return TOTAL.test(t) || (t.length <= 12 && TOTAL_WORD.test(t));
}

const YEAR = '(?:\\d{4}|\\d{2}|[〇零○一二三四五六七八九]{2,4})年度?';
const MONTH_N = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const MONTH = `${MONTH_N}月份?(?:[上中下]旬)?`;
const MONTHS = `${MONTH}(?:[至到~、和及]${MONTH}|[至到~、和及]${MONTH_N}月份?)?`;
const QUARTER = '(?:第?[一二三四1-4]季度|[上下]半年|Q[1-4])';
const BATCH = '(?:补录|补报|补充|补登|续表|续|追加|更正|第[0-9一二三四五六七八九十]+批次?)';
const DIVIDER = new RegExp(`^(?:${YEAR})?(?:${MONTHS}|${QUARTER})?(?:${BATCH})?$`);
const DOTTED_MONTH = /^\d{4}[.\-/](?:1[0-2]|0?[1-9])$/;
const DAY = '(?:(?:\\d{4}年)?\\d{1,2}月\\d{1,2}[日号]?|\\d{4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2})';
/** A period written as two days, as titles write it: `2023年11月1日--2023年11月30日`. */
const DAY_RANGE = new RegExp(`^${DAY}(?:[-—–―~～]{1,2}|至|到)${DAY}$`);
const DECORATION = /[()（）【】[\]<>《》〈〉「」『』"“”'‘’:：\-—–―=*·~～#＃_。,，;；!！]/g;
const WORDS = /以下(?:为|是)?|下列|本月|本期|新增|份?案件|台账|记录|明细|部分|数据|情况|行政(?:处罚|检查|强制)|办(?:理|结)的?|结案的?|开始|起|的/g;

/** A divider's text: it names a month, quarter, year or batch and nothing else. */
export function isDividerText(text: string): boolean {
  if (text.length > 40) return false;
  const t = compact(text);
  if (DOTTED_MONTH.test(t)) return true;
  if (DAY_RANGE.test(t.replace(WORDS, '').replace(/[()（）【】[\]《》「」:：]/g, ''))) return true;
  const core = t.replace(DECORATION, '').replace(WORDS, '');
  return core !== '' && DIVIDER.test(core);
}
