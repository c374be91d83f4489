import { KINDS, Kind } from '../ledger/columns';
import { DATE_EXAMPLE } from '../ledger/dates';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule's message is built from. `detail` says what is wrong in this cell. */
export interface MessageParams {
  /** Header of the column, e.g. `结案时间`. */
  column: string;
  /** The cell's value, quoted and shortened. */
  value: string;
  /** Specific finding, e.g. `只写到月份，缺少日`. */
  detail: string;
}

export interface RuleDef {
  id: string;
  severity: Severity;
  kinds: readonly Kind[];
  /** Short Chinese name. */
  title: string;
  /** When it fires (Chinese, for the rules table). */
  when: string;
  /** Legal or official source, or null. */
  source: string | null;
  /** The Chinese message body: what is wrong and what to write instead. */
  message(p: MessageParams): string;
}

const ALL = KINDS;
const P: readonly Kind[] = ['penalty'];
const I: readonly Kind[] = ['inspection'];
const C: readonly Kind[] = ['coercion'];

const LAW_PENALTY = '《中华人民共和国行政处罚法》';
const LAW_COERCION = '《中华人民共和国行政强制法》';

/** Every rule of the ledger specification §3, declared once. */
export const RULES = [
  {
    id: 'required',
    severity: 'error',
    kinds: ALL,
    title: '必填项为空',
    when: '必填字段为空（含条件必填：有隐患时的隐患内容、整改措施，复检后的复检人，强制结案后的处理结果）',
    source: '交司字〔2023〕65号 附件1–3 台账格式',
    message: (p) => `${p.detail || `「${p.column}」不能为空`}。请补填${p.column}。`,
  },
  {
    id: 'date-invalid',
    severity: 'error',
    kinds: ALL,
    title: '日期无法识别',
    when: '日期字段不能读成一个确切日期（不存在的日期、占位符、只写到月、缺年份、日期范围、超出2000–2099年的序列号）',
    source: null,
    message: (p) => `${p.detail}。请填写一个确切日期，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-two-digit-year',
    severity: 'warning',
    kinds: ALL,
    title: '两位数年份',
    when: '年份只写了两位（如 23.8.11），按 20xx 年读取',
    source: null,
    message: (p) => `${p.value}的年份只有两位，已按${p.detail}读取。请写全四位年份，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-future',
    severity: 'error',
    kinds: ALL,
    title: '日期晚于今天',
    when: '日期晚于今天',
    source: null,
    message: (p) => `${p.value}晚于今天（${p.detail}），不可能已经发生。请核对并填写实际日期。`,
  },
  {
    id: 'date-too-old',
    severity: 'warning',
    kinds: ALL,
    title: '日期过早',
    when: '日期早于2015年1月1日',
    source: null,
    message: (p) => `${p.value}早于2015年，可能是录入错误。请核对年份。`,
  },
  {
    id: 'placeholder',
    severity: 'error',
    kinds: ALL,
    title: '模板占位符未替换',
    when: '留有模板占位符：XX、xx、ＸＸ、第X条、姓+X（王X）、XX元',
    source: '交司字〔2023〕65号 附件台账样表',
    message: (p) => `${p.value}中还留着模板占位符“${p.detail}”。请改为实际内容（当事人名称、金额、条款号、人员姓名）。`,
  },
  {
    id: 'persons-min-two',
    severity: 'error',
    kinds: ALL,
    title: '执法人员不足两人',
    when: '执法人员／检查人员／复检人少于两人',
    source: `${LAW_PENALTY}第四十二条；${LAW_COERCION}第十八条`,
    message: (p) =>
      `${p.value}${p.detail}，执法人员不得少于两人（${LAW_PENALTY}第四十二条、${LAW_COERCION}第十八条）。请填写全部执法人员姓名，用顿号分隔，如“王明、李强”。`,
  },
  {
    id: 'persons-unseparated',
    severity: 'warning',
    kinds: ALL,
    title: '人名未分隔',
    when: '多个姓名连写，没有分隔符（如“张三李四”）',
    source: null,
    message: (p) => `${p.value}${p.detail ? `中“${p.detail}”` : ''}像是几个姓名连在一起。请用顿号分隔，如“张三、李四”。`,
  },
  {
    id: 'doc-no-missing',
    severity: 'warning',
    kinds: I,
    title: '缺少检查文书号',
    when: '行政检查记录没有行政检查文书号',
    source: '交司字〔2023〕65号 附件2',
    message: () => `行政检查文书号为空。请填写现场检查笔录或检查通知书的文号，如“某综执检〔2023〕12号”。`,
  },
  {
    id: 'doc-no-format',
    severity: 'warning',
    kinds: ALL,
    title: '文号不规范',
    when: '文书号缺少年份或顺序号（应为 …〔2023〕12号）',
    source: 'GB/T 9704-2012《党政机关公文格式》7.2.4 发文字号',
    message: (p) => `文号${p.value}${p.detail}。文号应由机关代字、年份和顺序号组成，如“天综执罚决〔2023〕12号”。`,
  },
  {
    id: 'doc-no-brackets',
    severity: 'info',
    kinds: ALL,
    title: '文号年份括号不规范',
    when: '年份用了 [] 【】 () （） 而不是六角括号〔〕',
    source: 'GB/T 9704-2012《党政机关公文格式》7.2.4 发文字号',
    message: (p) => `文号${p.value}的年份用了“${p.detail}”。年份应使用六角括号，写作“〔2023〕”。`,
  },
  {
    id: 'duplicate-doc-no',
    severity: 'error',
    kinds: ALL,
    title: '文号重复',
    when: '文书号与同一台账中前面某行重复（第一次之后的每次出现）',
    source: null,
    message: (p) => `文号${p.value}已在第${p.detail}行使用过。一个文号只能对应一个案件，请核对文号。`,
  },
  {
    id: 'cell-error',
    severity: 'error',
    kinds: ALL,
    title: '单元格错误值',
    when: '单元格是 Excel 错误值（#N/A、#VALUE!、#REF! 等）',
    source: null,
    message: (p) => `单元格是错误值 ${p.detail}，不是数据。请检查公式，或直接填写内容。`,
  },
  {
    id: 'whitespace',
    severity: 'info',
    kinds: ALL,
    title: '多余空白',
    when: '首尾空格、连续空格、全角空格，或短字段中的换行',
    source: null,
    message: (p) => `${p.value}${p.detail}。请删去多余的空白。`,
  },
  {
    id: 'penalty-type-unknown',
    severity: 'warning',
    kinds: P,
    title: '处罚种类不明',
    when: '处罚情况没有写明《行政处罚法》第九条规定的处罚种类，也不是不予处罚',
    source: `${LAW_PENALTY}第九条`,
    message: (p) =>
      `${p.value}没有写明法定的处罚种类（${LAW_PENALTY}第九条：警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣或吊销许可证件、降低资质等级、限制开展生产经营活动、责令停产停业、责令关闭、限制从业等）。请写明处罚种类和金额，如“警告，并处罚款5000元”；不予处罚的写“不予行政处罚”。`,
  },
  {
    id: 'penalty-detention',
    severity: 'error',
    kinds: P,
    title: '行政拘留不属乡镇权限',
    when: '处罚情况为行政拘留（限制人身自由的处罚只能由公安机关实施）',
    source: `${LAW_PENALTY}第十八条第三款`,
    message: (p) =>
      `${p.value}含有行政拘留。限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（${LAW_PENALTY}第十八条），乡镇不能作出。请核对：此案应移送公安机关，不应列入本台账。`,
  },
  {
    id: 'fine-amount-missing',
    severity: 'error',
    kinds: P,
    title: '罚没金额缺失',
    when: '罚款／没收违法所得没有写金额',
    source: `${LAW_PENALTY}第九条、第六十二条`,
    message: (p) => `${p.value}写了“${p.detail}”但没有金额。请写明金额，如“罚款5000元”。`,
  },
  {
    id: 'receipt-missing',
    severity: 'warning',
    kinds: P,
    title: '缺少罚没票据号',
    when: '有罚没款但罚没票据号为空',
    source: `${LAW_PENALTY}第七十条`,
    message: (p) => `处罚情况中有罚没款（${p.detail}），但没有罚没票据号。收缴罚没款应出具专用票据（${LAW_PENALTY}第七十条）。请填写票据号；尚未缴纳的在备注中注明。`,
  },
  {
    id: 'receipt-unexpected',
    severity: 'info',
    kinds: P,
    title: '无罚没款却有票据号',
    when: '填了罚没票据号，但处罚情况中没有罚没款',
    source: null,
    message: (p) => `填了罚没票据号${p.value}，但处罚情况中没有罚款或没收违法所得的金额。请核对处罚情况或票据号。`,
  },
  {
    id: 'basis-no-article',
    severity: 'error',
    kinds: P,
    title: '处罚依据未写条款',
    when: '处罚依据没有写到具体条款（第…条）',
    source: `${LAW_PENALTY}第四十四条、第五十九条`,
    message: (p) => `${p.value}没有写到具体条款。处罚依据应写明法律、法规名称和条款，如“《中华人民共和国食品安全法》第一百二十四条第一款”。`,
  },
  {
    id: 'basis-no-law',
    severity: 'warning',
    kinds: P,
    title: '处罚依据未写法规名称',
    when: '处罚依据没有写明法律法规名称（《…》或以法、条例、规定、办法、细则结尾的名称）',
    source: `${LAW_PENALTY}第五十九条`,
    message: (p) => `${p.value}没有写明法律、法规或规章的名称。请写全称并加书名号，如“《中华人民共和国食品安全法》第一百二十四条”。`,
  },
  {
    id: 'cause-format',
    severity: 'info',
    kinds: P,
    title: '案由格式',
    when: '案由不以“案”结尾',
    source: null,
    message: (p) => `案由${p.value}不以“案”结尾。请按“违法行为+案”的格式写，如“未按规定公示营业执照案”。`,
  },
  {
    id: 'doc-no-year-after-close',
    severity: 'warning',
    kinds: P,
    title: '文号年份晚于结案年份',
    when: '决定书文号的年份晚于结案时间的年份',
    source: null,
    message: (p) => `决定书文号${p.value}的年份${p.detail}。请核对文号年份或结案时间。`,
  },
  {
    id: 'hazard-count-invalid',
    severity: 'error',
    kinds: I,
    title: '隐患数无效',
    when: '发现隐患数不是不小于0的整数',
    source: null,
    message: (p) => `${p.value}不是有效的隐患数${p.detail}。请填写一个整数，没有隐患填 0。`,
  },
  {
    id: 'hazard-count-normalize',
    severity: 'info',
    kinds: I,
    title: '隐患数写法',
    when: '隐患数带单位或用汉字（如“1处”“一”），按数字读取',
    source: null,
    message: (p) => `${p.value}已按 ${p.detail} 读取。请只填写数字 ${p.detail}。`,
  },
  {
    id: 'rectify-owner-missing',
    severity: 'warning',
    kinds: I,
    title: '缺少整改责任人',
    when: '有隐患但没有整改责任人',
    source: '交司字〔2023〕65号 附件2',
    message: () => `发现了隐患，但没有填写整改责任人。请填写负责整改的人员姓名。`,
  },
  {
    id: 'hazard-fields-unexpected',
    severity: 'warning',
    kinds: I,
    title: '无隐患却填了整改信息',
    when: '隐患数为0，但填写了隐患内容、整改措施、整改结果或复检',
    source: null,
    message: (p) => `隐患数为 0，但${p.detail}已填写。请核对：有隐患的把隐患数改为实际数目，没有隐患的清空这些栏目。`,
  },
  {
    id: 'rectify-both-marked',
    severity: 'error',
    kinds: I,
    title: '已完成和未完成都打了勾',
    when: '整改结果“已完成”和“未完成”同时标记',
    source: null,
    message: () => `“已完成”和“未完成”都打了勾。请只在其中一栏打“√”。`,
  },
  {
    id: 'rectify-unmarked',
    severity: 'error',
    kinds: I,
    title: '复检后未标整改结果',
    when: '已填复检日期，但“已完成”“未完成”都没有标记',
    source: null,
    message: () => `已经复检，但整改结果“已完成”“未完成”都没有标记。请在相应一栏打“√”。`,
  },
  {
    id: 'recheck-before-inspection',
    severity: 'error',
    kinds: I,
    title: '复检早于检查',
    when: '复检日期早于检查时间',
    source: null,
    message: (p) => `复检日期${p.value}早于检查时间（${p.detail}）。请核对两个日期。`,
  },
  {
    id: 'recheck-overdue',
    severity: 'warning',
    kinds: I,
    title: '逾期未复检',
    when: '待复检，且已过整改措施中写明的期限（“N个工作日内”按含调休的工作日计算，“N日/天内”按自然日计算）；未写期限的，检查后30日',
    source: '交司字〔2023〕65号 一（五）督促落实整改措施',
    message: (p) => `整改期限${p.detail}已过，仍未复检。请尽快复检，并填写复检日期、复检人和整改结果。`,
  },
  {
    id: 'recheck-after-deadline',
    severity: 'info',
    kinds: I,
    title: '复检晚于整改期限',
    when: '复检日期晚于整改措施中写明的期限',
    source: null,
    message: (p) => `复检日期${p.value}晚于整改期限${p.detail}。如属实可不改；今后请按期复检。`,
  },
  {
    id: 'rectify-open',
    severity: 'warning',
    kinds: I,
    title: '复检未完成整改',
    when: '已复检但整改未完成：应依法立案查处或责令整改，不得罚而不管',
    source: '交司字〔2023〕65号 一（五）严禁以罚代管、罚而不管',
    message: () => `复检时整改未完成。应依法立案查处或再次责令限期整改，不得“罚而不管”；请在备注中写明后续处理（如立案文号）。`,
  },
  {
    id: 'mark-normalize',
    severity: 'info',
    kinds: I,
    title: '标记写法',
    when: '整改结果用了“√”以外的标记',
    source: '交司字〔2023〕65号 附件2 样表',
    message: (p) => `${p.value}${p.detail}。请统一写“√”。`,
  },
  {
    id: 'coercion-category-invalid',
    severity: 'error',
    kinds: C,
    title: '强制类别无效',
    when: '强制类别既不是行政强制措施，也不是行政强制执行',
    source: `${LAW_COERCION}第二条`,
    message: (p) => `${p.value}不是法定的强制类别。请填写“行政强制措施”或“行政强制执行”（${LAW_COERCION}第二条）。`,
  },
  {
    id: 'coercion-measure-invalid',
    severity: 'warning',
    kinds: C,
    title: '强制方式与类别不符',
    when: '强制方式不是该类别的法定种类（《行政强制法》第九条、第十二条）',
    source: `${LAW_COERCION}第九条、第十二条`,
    message: (p) => `${p.value}${p.detail}`,
  },
  {
    id: 'coercion-not-permitted',
    severity: 'error',
    kinds: C,
    title: '乡镇无权实施的强制',
    when: '限制人身自由，或冻结存款、汇款（只能由法律规定的机关实施）',
    source: `${LAW_COERCION}第十条、第二十二条、第二十九条`,
    message: (p) => `${p.value}：${p.detail}乡镇不能实施。请核对强制方式；如确有此案，应由有权机关办理，不列入本台账。`,
  },
  {
    id: 'coercion-term-exceeded',
    severity: 'warning',
    kinds: C,
    title: '查封扣押超期',
    when: '查封、扣押超过30日（备注写明延长的，超过60日）',
    source: `${LAW_COERCION}第二十五条`,
    message: (p) =>
      `${p.detail}。查封、扣押的期限不得超过30日；情况复杂经批准可延长，但延长期限不得超过30日（${LAW_COERCION}第二十五条，检测、检验、检疫、技术鉴定的期间不计入）。请及时解除或依法处理，延长的在备注中写明“经批准延长”。`,
  },
  {
    id: 'coercion-close-before-start',
    severity: 'error',
    kinds: C,
    title: '结案早于实施',
    when: '结案时间早于实施时间',
    source: null,
    message: (p) => `结案时间${p.value}早于实施时间（${p.detail}）。请核对两个日期。`,
  },
] as const satisfies readonly RuleDef[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r as RuleDef]));

export function rule(id: RuleId): RuleDef {
  return RULE_BY_ID.get(id)!;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
