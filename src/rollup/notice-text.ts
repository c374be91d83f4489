/**
 * The words of the 通报 draft: 基本情况, 报送情况, 零办案, 存在问题, 下一步要求. Blanks the
 * bureau fills in (文号, date) are marked 【】.
 */
import { COUNTY_MAILBOX, COUNTY_OFFICE } from '../submission/options';
import { GROUP_SCOPE, REVIEW_GROUPS } from './groups';
import { monthLabel } from './team';
import { chinaTime } from './time';
import { Rollup, TownshipMonth } from './types';
import { ENFORCEMENT_NAMES, Figures, MEASURE_NAMES, PENALTY_KIND_NAMES } from './stats';

export const ISSUER = '交城县司法局';
export const NOTICE_REF = '交司字〔2023〕65号';
const NOTICE_TITLE = '《关于进一步规范乡镇综合行政执法工作的通知》';

export interface NoticeSection {
  heading: string;
  /** Paragraphs; a paragraph may start with a bold lead-in (`（一）…。`). */
  paragraphs: { lead?: string; text: string }[];
}

export interface NoticeModel {
  issuer: string;
  /** 发文字号 with its blanks. */
  docNo: string;
  /** The title, broken where the words allow (GB/T 9704 7.3.1: 回行时词意完整). */
  title: string[];
  recipients: string;
  sections: NoticeSection[];
  signer: string;
  date: string;
  /** The blanks to fill, for a note at the top of the draft. */
  blanks: string[];
}

export const BLANK_NO = '【　】';
export const BLANK_DATE = '【　　年　月　日】';

function names(ts: { team: string }[]): string {
  return ts.map((t) => t.team).join('、');
}

function yuan(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function change(now: number, before: number | null, unit: string): string {
  if (before === null) return '';
  if (now === before) return `，与上月持平`;
  const d = Math.abs(now - before);
  return `，比上月${now > before ? '增加' : '减少'}${unit === '元' ? yuan(d) : d}${unit}`;
}

function kindsText(f: Figures): string {
  const parts = PENALTY_KIND_NAMES.filter((k) => f.penalty.byKind[k]).map((k) => `${k}${f.penalty.byKind[k]}件`);
  return parts.join('、');
}

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

function basics(r: Rollup): NoticeSection {
  const c = r.current;
  const t = c.total;
  const prev = r.lastMonth?.total ?? null;
  const label = monthLabel(r.period);
  const unread = c.statuses.unreadable;
  const reported = c.townships.length - c.statuses.missing - unread;
  const paragraphs: NoticeSection['paragraphs'] = [
    {
      text:
        `${label}，应报送行政执法案件台账的乡镇${c.townships.length}个，已报送${reported}个${unread ? `，另有${unread}个乡镇报送的台账无法读取，未计入下列数字` : ''}。各乡镇共办理行政处罚案件${t.penalty.cases}件${change(t.penalty.cases, prev?.penalty.cases ?? null, '件')}，` +
        `罚没金额${yuan(t.penalty.amountYuan)}元${change(t.penalty.amountYuan, prev?.penalty.amountYuan ?? null, '元')}；` +
        `开展行政检查${t.inspection.count}次${change(t.inspection.count, prev?.inspection.count ?? null, '次')}，其中发现隐患${t.inspection.withHazards}次、已复检${t.inspection.rechecked}次，另有${t.inspection.pendingRecheck}次检查发现的隐患待复检；` +
        `行政强制案件${t.coercion.cases}件（行政强制措施${sum(t.coercion.measures)}件、行政强制执行${sum(t.coercion.enforcement)}件）。` +
        (prev ? '' : '（未收到上月的报送材料，没有与上月比较。）'),
    },
  ];
  const kinds = kindsText(t);
  if (kinds || t.penalty.noPenalty) {
    paragraphs.push({ text: `行政处罚案件按最重的处罚种类统计，其中${kinds || '无'}${t.penalty.noPenalty ? `；另有不予处罚案件${t.penalty.noPenalty}件` : ''}。` });
  }
  const coercion = [...MEASURE_NAMES.filter((k) => t.coercion.measures[k]).map((k) => `${k === '其他' ? '其他强制措施' : k}${t.coercion.measures[k]}件`), ...ENFORCEMENT_NAMES.filter((k) => t.coercion.enforcement[k]).map((k) => `${k === '其他' ? '其他强制执行' : k}${t.coercion.enforcement[k]}件`)];
  if (coercion.length) paragraphs.push({ text: `行政强制案件中，${coercion.join('、')}。` });
  if (r.yearToDate) {
    const y = r.yearToDate.total;
    paragraphs.push({ text: `${monthLabel(r.yearToDate.from)}至${Number(r.period.slice(5, 7))}月，各乡镇累计办理行政处罚案件${y.penalty.cases}件，罚没金额${yuan(y.penalty.amountYuan)}元；开展行政检查${y.inspection.count}次；行政强制案件${y.coercion.cases}件。` });
  }
  return { heading: '一、基本情况', paragraphs };
}

/** `a.rar（压缩包已损坏）` */
function unreadList(t: TownshipMonth): string {
  return t.unreadable
    .slice(0, 3)
    .map((u) => `“${u.file.split(' › ').pop()}”`)
    .join('、') + (t.unreadable.length > 3 ? `等${t.unreadable.length}个文件` : '');
}

function reporting(r: Rollup): NoticeSection {
  const ts = r.current.townships;
  const by = (s: TownshipMonth['status']) => ts.filter((t) => t.status === s);
  const due = `${Number(r.due.slice(5, 7))}月${Number(r.due.slice(8, 10))}日`;
  const paragraphs: NoticeSection['paragraphs'] = [];
  const onTime = by('on-time');
  const late = by('late');
  const submitted = by('submitted');
  const missing = by('missing');
  const unread = by('unreadable');
  paragraphs.push({ text: `按要求，${monthLabel(r.period)}的台账应于${due}前报送。` + (onTime.length ? `按时报送的乡镇${onTime.length}个：${names(onTime)}。` : '没有乡镇按时报送。') });
  if (late.length) paragraphs.push({ text: `逾期报送的乡镇${late.length}个：${late.map((t) => `${t.team}（逾期${t.lateDays}天）`).join('、')}。` });
  if (submitted.length) paragraphs.push({ text: `已报送、但无法确定报送时间（不是通过邮件收到，或邮件没有可信的发送时间）的乡镇${submitted.length}个：${names(submitted)}。` });
  if (unread.length) {
    paragraphs.push({
      text: `已收到报送邮件、但台账无法读取的乡镇${unread.length}个：${unread.map((t) => `${t.team}（${t.received ? `${chinaTime(t.received).text.replace(/^\d+年/, '')}收到，` : ''}${unreadList(t)}）`).join('、')}。上述乡镇的台账未列入本通报的统计，请按 Word 格式（.docx）重新报送。`,
    });
  }
  if (missing.length) {
    const noLedger = missing.filter((t) => t.notes.some((n) => n.includes('没有台账附件')));
    paragraphs.push({ text: `截至${Number(r.today.slice(5, 7))}月${Number(r.today.slice(8, 10))}日仍未报送的乡镇${missing.length}个：${names(missing)}。` + (noLedger.length ? `其中${names(noLedger)}发来的邮件没有附上台账。` : '') });
  }
  const resent = ts.filter((t) => t.notes.some((n) => n.includes('重新报送')));
  if (resent.length) paragraphs.push({ text: `${names(resent)}报送后又更正重报，以更正后的台账为准。` });
  const broken = ts.filter((t) => t.status !== 'unreadable' && t.issues.some((i) => i.rule === 'file-unreadable'));
  if (broken.length) paragraphs.push({ text: `${names(broken)}报送的部分文件无法读取（格式不对或文件损坏），请按 Word 格式（.docx）重新报送。` });
  return { heading: '二、报送情况', paragraphs };
}

function zeroCases(r: Rollup): NoticeSection {
  // Only townships whose ledger was read: an unread one is not known to have no cases.
  const reported = r.current.townships.filter((t) => t.status !== 'missing' && t.status !== 'unreadable');
  const zero = reported.filter((t) => t.figures.penalty.cases - t.figures.penalty.noPenalty === 0);
  const unread = r.current.townships.filter((t) => t.status === 'unreadable');
  const paragraphs: NoticeSection['paragraphs'] = [];
  if (zero.length) paragraphs.push({ text: `${monthLabel(r.period)}没有作出行政处罚决定的乡镇${zero.length}个：${names(zero)}。` });
  else if (reported.length) paragraphs.push({ text: `${monthLabel(r.period)}已报送的乡镇均办理了行政处罚案件。` });
  if (unread.length) paragraphs.push({ text: `${names(unread)}的台账无法读取，办案情况不明，未列入本节。` });
  if (r.yearToDate) {
    const never = r.yearToDate.townships.filter((t) => !t.unread && t.figures.penalty.cases - t.figures.penalty.noPenalty === 0);
    if (never.length) paragraphs.push({ text: `本年以来尚未开出“第一张罚单”的乡镇${never.length}个：${names(never)}。` });
  }
  if (zero.length) {
    paragraphs.push({ text: `县司法局${NOTICE_TITLE}（${NOTICE_REF}）指出，乡镇综合行政执法存在效能低、执法数少、有的乡镇尚未开出“第一张罚单”的问题。上述乡镇要认真查找原因，依法履行执法职责。` });
  }
  return { heading: '三、零办案情况', paragraphs };
}

const CN = ['一', '二', '三', '四', '五', '六'];

function problems(r: Rollup): NoticeSection {
  const all = r.current.townships.flatMap((t) => t.issues);
  const e = all.filter((i) => i.severity === 'error').length;
  const w = all.length - e;
  if (!all.length) return { heading: '四、存在问题', paragraphs: [{ text: '对各乡镇报送的台账逐条核查，未发现错误和需要提醒的问题。' }] };
  const found = [e ? `错误${e}处` : '', w ? `需要核实的问题${w}处` : ''].filter(Boolean).join('、');
  const paragraphs: NoticeSection['paragraphs'] = [{ text: `对各乡镇报送的台账逐条核查，共发现${found}，按案卷评查的分类，主要有：` }];
  let n = 0;
  for (const g of REVIEW_GROUPS) {
    const list = all.filter((i) => i.group === g);
    if (!list.length) continue;
    const towns = new Set(list.map((i) => i.team)).size;
    const ex = list.find((i) => i.severity === 'error') ?? list[0];
    const where = `${ex.team}${ex.table ? ex.table.replace(/表$/, '台账') : ''}${ex.row ? `第${ex.row}行` : ''}`;
    paragraphs.push({ lead: `（${CN[n++]}）${g}方面。`, text: `共${list.length}处，涉及${towns}个乡镇，关于${GROUP_SCOPE[g]}。如${where}：${ex.message}` });
  }
  paragraphs.push({ text: '各乡镇的问题逐条列在汇总表的“问题”工作表中。' });
  return { heading: '四、存在问题', paragraphs };
}

function requirements(): NoticeSection {
  return {
    heading: '五、下一步要求',
    paragraphs: [
      { lead: '（一）按时报送台账。', text: `各乡镇要于每月1日前将上月行政处罚、行政检查、行政强制案件台账报送${COUNTY_OFFICE}，Word 版同步发送至邮箱 ${COUNTY_MAILBOX}。逾期或未报送的乡镇要说明原因。` },
      { lead: '（二）对照问题整改。', text: '对本通报指出的问题，各乡镇要逐条核实、改正，改正后的台账随下月台账一并报送。' },
      { lead: '（三）切实履行执法职责。', text: '零办案的乡镇要加强日常巡查，发现违法行为依法查处，严禁以罚代管、罚而不管。' },
      { lead: '（四）规范台账填写。', text: '严格按照县司法局的台账格式填写，执法人员不少于两人，处罚依据写明法律法规名称和具体条款，文书号写明年份和顺序号。' },
    ],
  };
}

export function noticeModel(r: Rollup): NoticeModel {
  return {
    issuer: ISSUER,
    docNo: `交司字〔${BLANK_NO}〕${BLANK_NO}号`,
    title: [`关于${monthLabel(r.period)}乡镇行政执法案件`, '台账报送情况的通报'],
    recipients: '各乡镇人民政府：',
    sections: [basics(r), reporting(r), zeroCases(r), problems(r), requirements()],
    signer: ISSUER,
    date: BLANK_DATE,
    blanks: ['发文字号', '成文日期'],
  };
}
