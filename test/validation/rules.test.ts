import { Kind } from '../../src/ledger/columns';
import { RULES } from '../../src/validation/rules';
import { GOOD, Row, checkRows, rulesOf } from '../helpers/ledger';

interface Case {
  kind: Kind;
  /** Changes to a clean row of that kind. */
  fires: Row;
  /** A near miss: similar, but must not fire. */
  near: Row;
  opts?: { today?: string; date1904?: boolean };
}

const p = (r: Row): Row => ({ ...GOOD.penalty, ...r });
const i = (r: Row): Row => ({ ...GOOD.inspection, ...r });
const c = (r: Row): Row => ({ ...GOOD.coercion, ...r });
/** A 行政强制执行 row (强制拆除), closed the day it was done. */
const ENF: Row = { category: '行政强制执行', measure: '强制拆除违法建筑', term: '', closedOn: '2023年10月20日', result: '已拆除' };

/** Every rule ID: a realistic row that fires it and a near miss that must not. */
const CASES: Record<string, Case[]> = {
  // The reader gives a formula without a saved result as this value (test/input/cells.test.ts reads it from a file).
  'formula-no-result': [{ kind: 'penalty', fires: { closedOn: { error: '#无计算结果', formula: 'DATE(2023,10,12)' } }, near: { closedOn: { error: '#N/A' } } }],
  required: [
    { kind: 'penalty', fires: { basis: '' }, near: { basis: '《中华人民共和国食品安全法》第一百二十二条' } },
    { kind: 'inspection', fires: { hazards: '' }, near: { hazards: '', measures: '', hazardCount: 0, rectifyDone: '', recheckOn: '', rechecker: '' } },
    { kind: 'inspection', fires: { rechecker: '' }, near: { rechecker: '王五、赵六' } },
    { kind: 'coercion', fires: { result: '' }, near: { result: '', closedOn: '' } },
    // A not-applicable mark where the field applies is still empty; where it does not apply it is clean.
    { kind: 'penalty', fires: { party: '/' }, near: { remarks: '/' } },
    { kind: 'inspection', fires: { measures: '/' }, near: { hazardCount: 0, hazards: '无', measures: '/', rectifyOwner: '/', rectifyDone: '/', recheckOn: '/', rechecker: '/' } },
    { kind: 'inspection', fires: { rechecker: '—' }, near: { rechecker: '王五、赵六' } },
    { kind: 'coercion', fires: { result: '不涉及' }, near: { result: '不涉及', closedOn: '/' } },
    // An open penalty case is pending, not missing its 结案时间 (issue 17).
    { kind: 'penalty', fires: { cause: '' }, near: { closedOn: '', remarks: '尚未结案' } },
    { kind: 'penalty', fires: { facts: '' }, near: { closedOn: '' } },
    // 无, 0处, 零 as 发现隐患数 mean no hazards.
    { kind: 'inspection', fires: { hazardCount: '/', hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' }, near: { hazardCount: '无', hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' } },
  ],
  'date-invalid': [
    { kind: 'penalty', fires: { closedOn: '2023年2月30日' }, near: { closedOn: '2023年2月28日' } },
    { kind: 'penalty', fires: { closedOn: '2023年10月' }, near: { closedOn: '2023年10月1日' } },
    { kind: 'penalty', fires: { closedOn: '10月11日' }, near: { closedOn: '2023年10月11日' } },
    { kind: 'penalty', fires: { closedOn: '2023年10月11日-12日' }, near: { closedOn: '2023年10月11日下午' } },
    { kind: 'penalty', fires: { closedOn: 1000 }, near: { closedOn: 45211 } },
    // However long the padding, a date followed by more is no date; the date alone with padding is.
    { kind: 'penalty', fires: { closedOn: `2023年10月12日${' '.repeat(190)}至2023年12月30日` }, near: { closedOn: `2023年10月12日${' '.repeat(190)}` } },
    { kind: 'penalty', fires: { closedOn: '2023年10月12日 至2023年12月30日' }, near: { closedOn: '2023年10月12日 16:00' } },
    // `尚未结案` / `尚未解除` in the closing date: an open case, no date to read.
    { kind: 'penalty', fires: { closedOn: '待定' }, near: { closedOn: '尚未结案' } },
    { kind: 'coercion', fires: { closedOn: '2023年10月', result: '' }, near: { closedOn: '尚未解除', result: '' } },
    // A note after the date is read past (date-remark); an unsure one, or another date, is no date.
    { kind: 'penalty', fires: { closedOn: '2023年10月12日（预计）' }, near: { closedOn: '2023年10月12日（星期四）' } },
    { kind: 'penalty', fires: { closedOn: '2023年10月12日前' }, near: { closedOn: '2023年10月12日（补录）' } },
    { kind: 'penalty', fires: { closedOn: '2023年10月12日（原定10月20日）' }, near: { closedOn: '2023年10月12日（已缴纳罚款500元）' } },
    { kind: 'penalty', fires: { closedOn: '2023年10月12日至今' }, near: { closedOn: '2023年10月12日，当事人已履行' } },
  ],
  'date-remark': [
    { kind: 'penalty', fires: { closedOn: '2023年11月8日（已缴纳罚款）' }, near: { closedOn: '2023年11月8日（星期三）' }, opts: { today: '2023-12-01' } },
    { kind: 'coercion', fires: { closedOn: '2023年10月18日（已退还物品）' }, near: { closedOn: '2023年10月18日' } },
  ],
  'date-two-digit-year': [{ kind: 'penalty', fires: { closedOn: '23.10.12' }, near: { closedOn: '2023.10.12' } }],
  'date-future': [{ kind: 'penalty', fires: { closedOn: '2023年11月6日' }, near: { closedOn: '2023年11月5日' } }],
  'date-too-old': [{ kind: 'inspection', fires: { inspectedOn: '2014年12月31日', recheckOn: '2015年1月5日' }, near: { inspectedOn: '2015年1月1日', recheckOn: '2015年1月5日' } }],
  placeholder: [
    { kind: 'penalty', fires: { party: 'XX有限公司' }, near: { party: 'XXL服饰有限公司' } },
    { kind: 'penalty', fires: { basis: '《食品安全法》第X条' }, near: { basis: '《食品安全法》第十条' } },
    { kind: 'penalty', fires: { officers: '王X、李X' }, near: { officers: '王明、李强' } },
    { kind: 'penalty', fires: { outcome: '罚款XX元' }, near: { outcome: '罚款50元' } },
    { kind: 'inspection', fires: { method: 'ＸＸ检查' }, near: { method: '使用X光机检查' } },
  ],
  'persons-min-two': [
    { kind: 'penalty', fires: { officers: '王明' }, near: { officers: '王明 李强' } },
    { kind: 'inspection', fires: { rechecker: '张三' }, near: { rechecker: '张三和李四' } },
    { kind: 'coercion', fires: { officers: '王明、' }, near: { officers: '阿依古丽·买买提、王明' } },
    { kind: 'penalty', fires: { officers: '李强、李强' }, near: { officers: '李强、王强' } },
    { kind: 'penalty', fires: { officers: '王　明' }, near: { officers: '王　明、李　强' } },
    { kind: 'penalty', fires: { officers: '张 伟' }, near: { officers: '张三 李四' } },
    { kind: 'penalty', fires: { officers: '王明(14010001)' }, near: { officers: '王明(14010001)李强(14010002)' } },
    // 复检人 counts once rechecked, not on rows that need no re-inspection or await it.
    { kind: 'inspection', fires: { rechecker: '张三' }, near: { hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '张三' } },
    { kind: 'inspection', fires: { rechecker: '张三' }, near: { rectifyDone: '', recheckOn: '', rechecker: '张三' } },
    { kind: 'inspection', fires: { rechecker: '张三' }, near: { rechecker: '同检查人员' } },
  ],
  'persons-auxiliary': [
    { kind: 'penalty', fires: { officers: '王明、李强（协管员）' }, near: { officers: '王明、李强、赵刚（协管员）' } },
    { kind: 'coercion', fires: { officers: '王明、辅警张伟' }, near: { officers: '王明、李强、辅警张伟' } },
    { kind: 'inspection', fires: { inspectors: '张三、网格员' }, near: { inspectors: '张三、李四、网格员' } },
    { kind: 'penalty', fires: { officers: '王明 临时工李强' }, near: { officers: '王明（队长）、李强（14010002）' } },
    { kind: 'penalty', fires: { officers: '王明、李强（辅助执法人员）' }, near: { officers: '王明、李强' } },
    { kind: 'inspection', fires: { rechecker: '张三、协管员 李四' }, near: { rechecker: '张三、李四 协管员王五' } },
  ],
  'persons-unseparated': [{ kind: 'inspection', fires: { inspectors: '王小明李小红' }, near: { inspectors: '王小明、李小红' } }],
  'doc-no-missing': [
    { kind: 'inspection', fires: { docNo: '' }, near: { docNo: '天综执检〔2023〕41号' } },
    { kind: 'inspection', fires: { docNo: '/' }, near: { docNo: '天综执检〔2023〕第41号' } },
  ],
  'doc-no-format': [
    { kind: 'penalty', fires: { decisionNo: '天综执罚决15号' }, near: { decisionNo: '天综执罚决〔2023〕15号' } },
    { kind: 'coercion', fires: { decisionNo: '天综执强〔2023〕' }, near: { decisionNo: '天综执强〔2023〕第2号' } },
  ],
  'doc-no-year-future': [
    { kind: 'penalty', fires: { decisionNo: '天综执罚决〔2024〕15号' }, near: { decisionNo: '天综执罚决〔2023〕15号' } },
    { kind: 'inspection', fires: { docNo: '天综执检（2033）40号' }, near: { docNo: '天综执检（2023）40号' } },
  ],
  'doc-no-brackets': [
    { kind: 'penalty', fires: { decisionNo: '天综执罚决[2023]15号' }, near: { decisionNo: '天综执罚决〔2023〕15号' } },
    { kind: 'inspection', fires: { docNo: '天综执检（2023）40号' }, near: { docNo: '天综执检〔2023〕40号' } },
  ],
  'cell-error': [
    { kind: 'penalty', fires: { closedOn: { error: '#VALUE!' } }, near: { closedOn: '2023年10月12日' } },
    { kind: 'inspection', fires: { hazardCount: { error: '#N/A' } }, near: { hazardCount: 1 } },
  ],
  whitespace: [
    { kind: 'penalty', fires: { party: ' 交城县某食品有限公司' }, near: { party: '交城县某食品有限公司' } },
    { kind: 'penalty', fires: { cause: '生产不符合食品安全\n标准的食品案' }, near: { facts: '该公司生产的月饼\n菌落总数超标' } },
    { kind: 'penalty', fires: { party: '交城县　某食品有限公司' }, near: { officers: '王明　李强' } },
    { kind: 'penalty', fires: { remarks: ' 经批准延长' }, near: { officers: '王　明、李　强' } },
    { kind: 'penalty', fires: { party: '交城县某食品\n有限公司' }, near: { officers: '王明\n李强' } },
  ],
  'penalty-type-unknown': [
    { kind: 'penalty', fires: { outcome: '口头批评', receiptNo: '' }, near: { outcome: '通报批评', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '收缴烟花爆竹20箱', receiptNo: '' }, near: { outcome: '没收烟花爆竹20箱', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '批评教育' }, near: { outcome: '吊销食品经营许可证', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '处理完毕' }, near: { outcome: '不予行政处罚', receiptNo: '' } },
    // The law's own wordings of 不予处罚 (第三十条、第三十三条、第三十六条), and a transferred case.
    { kind: 'penalty', fires: { outcome: '结案', receiptNo: '' }, near: { outcome: '违法行为超过二年未被发现，不再给予行政处罚', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '已处理', receiptNo: '' }, near: { outcome: '免于处罚', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '已送达', receiptNo: '' }, near: { outcome: '移送公安机关处理', receiptNo: '' } },
  ],
  'penalty-correction-only': [
    { kind: 'penalty', fires: { outcome: '责令改正', receiptNo: '' }, near: { outcome: '责令改正，并处罚款2000元' } },
    { kind: 'penalty', fires: { outcome: '责令停止违法行为，限期改正', receiptNo: '' }, near: { outcome: '责令停产停业', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '责令限期拆除', receiptNo: '' }, near: { outcome: '责令限期拆除，并处罚款5千元' } },
  ],
  'penalty-detention': [
    { kind: 'penalty', fires: { outcome: '行政拘留5日' }, near: { outcome: '警告', receiptNo: '' } },
    // A transferred case is not the team's detention (issue 17).
    { kind: 'penalty', fires: { outcome: '行政拘留5日', receiptNo: '' }, near: { outcome: '移送公安机关，由公安机关予以行政拘留5日', receiptNo: '' } },
    { kind: 'penalty', fires: { outcome: '罚款500元，行政拘留5日' }, near: { outcome: '行政拘留5日', receiptNo: '', remarks: '已移送公安机关处理' } },
  ],
  'fine-amount-missing': [
    { kind: 'penalty', fires: { outcome: '警告，并处罚款' }, near: { outcome: '警告，并处罚款伍仟元' } },
    { kind: 'penalty', fires: { outcome: '没收违法所得，罚款2000元' }, near: { outcome: '没收违法所得300元，罚款2000元' } },
    // The fine's amount is not the confiscation's (issue 17).
    { kind: 'penalty', fires: { outcome: '没收违法所得并处罚款2000元' }, near: { outcome: '没收违法所得500元并处罚款2000元' } },
    // Amounts as clerks write them.
    { kind: 'penalty', fires: { outcome: '罚款' }, near: { outcome: '罚款¥1,000.00' } },
    { kind: 'penalty', fires: { outcome: '警告，罚款' }, near: { outcome: '罚款2000' } },
    { kind: 'penalty', fires: { outcome: '罚款，没收违法所得' }, near: { outcome: '罚款人民币2,000元' } },
    { kind: 'penalty', fires: { outcome: '并处罚款' }, near: { outcome: '罚款2000.00元' } },
    { kind: 'penalty', fires: { outcome: '罚款若干元' }, near: { outcome: '罚款2千元' } },
    { kind: 'penalty', fires: { outcome: '警告，处罚款' }, near: { outcome: '警告，处5000元罚款' } },
    { kind: 'penalty', fires: { outcome: '罚款200平方米' }, near: { outcome: '罚款￥500元' } },
  ],
  'fine-amount-unit': [
    { kind: 'penalty', fires: { outcome: '罚款2000' }, near: { outcome: '罚款2000元' } },
    { kind: 'penalty', fires: { outcome: '警告，并处罚款2000，没收违法所得300元' }, near: { outcome: '罚款¥1,000.00' } },
  ],
  'late-payment-exceeds': [
    { kind: 'penalty', fires: { outcome: '罚款2000元，逾期加处罚款3000元' }, near: { outcome: '罚款2000元，逾期加处罚款2000元' } },
    { kind: 'penalty', fires: { outcome: '罚款2000元', remarks: '逾期未缴，加处罚款2100元' }, near: { outcome: '罚款2000元', remarks: '逾期未缴，每日按罚款数额的3%加处罚款' } },
    {
      kind: 'coercion',
      fires: { category: '行政强制执行', measure: '加处罚款', term: '', result: '原罚款2000元，加处罚款2500元，已执行' },
      near: { category: '行政强制执行', measure: '加处罚款', term: '', result: '原罚款2000元，加处罚款1500元，已执行' },
    },
  ],
  'penalty-open-unconfirmed': [
    { kind: 'penalty', fires: { closedOn: '', receiptNo: '' }, near: { closedOn: '', receiptNo: '', remarks: '尚未结案' } },
    { kind: 'penalty', fires: { closedOn: '', remarks: '当事人未申请复议' }, near: { closedOn: '', remarks: '当事人申请分期缴纳' } },
    { kind: 'penalty', fires: { closedOn: '/' }, near: { closedOn: '执行中' } },
    { kind: 'penalty', fires: { closedOn: '' }, near: { closedOn: '', remarks: '逾期不缴纳，已申请人民法院强制执行' } },
  ],
  'receipt-missing': [
    { kind: 'penalty', fires: { receiptNo: '' }, near: { receiptNo: '', outcome: '警告' } },
    { kind: 'penalty', fires: { receiptNo: '无' }, near: { receiptNo: '无', outcome: '警告' } },
    { kind: 'penalty', fires: { receiptNo: '未开票' }, near: { receiptNo: '晋非税2023-0012346' } },
    { kind: 'penalty', fires: { receiptNo: '暂无' }, near: { receiptNo: '/', outcome: '不予行政处罚' } },
    { kind: 'penalty', fires: { receiptNo: '', remarks: '已告知缴款期限' }, near: { receiptNo: '', remarks: '当事人申请分期缴纳，尚未缴清' } },
    // An open case is not paid yet.
    { kind: 'penalty', fires: { receiptNo: '' }, near: { receiptNo: '', closedOn: '', remarks: '尚未结案' } },
  ],
  'receipt-unexpected': [
    { kind: 'penalty', fires: { outcome: '警告' }, near: { outcome: '罚款0.5万元' } },
    { kind: 'penalty', fires: { outcome: '警告' }, near: { outcome: '警告', receiptNo: '/' } },
  ],
  'basis-no-article': [
    { kind: 'penalty', fires: { basis: '《中华人民共和国食品安全法》' }, near: { basis: '《中华人民共和国食品安全法》第124条' } },
    { kind: 'penalty', fires: { basis: '《中华人民共和国食品安全法》有关条款' }, near: { basis: '食品安全法124条' } },
  ],
  'basis-normative-document': [
    { kind: 'penalty', fires: { basis: '《交城县城乡环境卫生管理办法》第十条' }, near: { basis: '《山西省城乡环境综合治理条例》第三十条' } },
    { kind: 'penalty', fires: { basis: '交政办发〔2022〕5号第三条' }, near: { basis: '《中华人民共和国食品安全法》第一百二十四条、交政办发〔2022〕5号' } },
    { kind: 'penalty', fires: { basis: '《天宁镇村容村貌管理实施细则》第五条' }, near: { basis: '《食品生产经营监督检查管理办法》第五十条' } },
    { kind: 'penalty', fires: { basis: '交城县人民政府《关于加强城区占道经营管理的通知》第四条' }, near: { basis: '《城镇污水排入排水管网许可管理办法》第三十二条' } },
    { kind: 'penalty', fires: { basis: '《关于开展农村人居环境整治的实施方案》第六条' }, near: { basis: '《无证无照经营查处办法》第十三条' } },
    { kind: 'penalty', fires: { basis: '依据交城县城区市容管理规定第八条' }, near: { basis: '《吕梁市城市市容和环境卫生管理办法》第二十条' } },
    { kind: 'penalty', fires: { basis: '《夏家营镇环境卫生管理规定》第三条' }, near: { basis: '《城镇燃气管理条例》第四十五条' } },
  ],
  'basis-no-law': [
    { kind: 'penalty', fires: { basis: '第一百二十四条' }, near: { basis: '食品安全法第一百二十四条' } },
    { kind: 'penalty', fires: { basis: '依据相关法律法规第二十条' }, near: { basis: '依据《中华人民共和国大气污染防治法》第二十条' } },
    { kind: 'penalty', fires: { basis: '根据有关规定' }, near: { basis: '根据《城市市容和环境卫生管理条例》有关规定' } },
    { kind: 'penalty', fires: { basis: '依据本条例第十条' }, near: { basis: '依据《山西省城乡环境综合治理条例》第十条' } },
  ],
  'summary-procedure-limit': [
    { kind: 'penalty', fires: { party: '李某', outcome: '罚款300元', remarks: '简易程序' }, near: { party: '李某', outcome: '罚款200元', remarks: '简易程序' } },
    { kind: 'penalty', fires: { outcome: '罚款5000元', remarks: '当场处罚' }, near: { outcome: '罚款3000元', remarks: '当场处罚' } },
    { kind: 'penalty', fires: { party: '张三', outcome: '没收违法所得100元', remarks: '简易程序' }, near: { party: '张三', outcome: '没收违法所得100元', remarks: '普通程序' } },
    { kind: 'penalty', fires: { party: '张三', outcome: '警告，并处罚款500元', procedure: '简易程序' }, near: { party: '张三', outcome: '警告，并处罚款500元', procedure: '普通程序' } },
  ],
  'on-the-spot-collection': [
    { kind: 'penalty', fires: { outcome: '罚款200元', remarks: '简易程序，当场收缴' }, near: { outcome: '罚款100元', remarks: '简易程序，当场收缴' } },
    { kind: 'penalty', fires: { outcome: '罚款500元', remarks: '当场收缴' }, near: { outcome: '罚款500元', remarks: '当场收缴，不当场收缴事后难以执行' } },
  ],
  'case-dates-order': [
    { kind: 'penalty', fires: { filedOn: '2023年10月15日' }, near: { filedOn: '2023年10月12日' } },
    { kind: 'penalty', fires: { decidedOn: '2023年10月13日' }, near: { decidedOn: '2023年10月12日' } },
    { kind: 'penalty', fires: { filedOn: '2023年10月5日', decidedOn: '2023年10月1日' }, near: { filedOn: '2023年10月1日', decidedOn: '2023年10月5日' } },
  ],
  'decision-overdue': [
    // 2023-06-01 + 90 days = 2023-08-30.
    { kind: 'penalty', fires: { filedOn: '2023年6月1日', decidedOn: '2023年8月31日' }, near: { filedOn: '2023年6月1日', decidedOn: '2023年8月30日' } },
    // 2023-07-03 + 90 days = 2023-10-01, National Day: the period ends on 10-07, the first working day after.
    { kind: 'penalty', fires: { filedOn: '2023年7月3日', decidedOn: '2023年10月8日' }, near: { filedOn: '2023年7月3日', decidedOn: '2023年10月7日' } },
    { kind: 'penalty', fires: { filedOn: '2023年6月1日', decidedOn: '2023年9月1日' }, near: { filedOn: '2023年6月1日', decidedOn: '2023年9月1日', remarks: '经批准延长三十日' } },
  ],
  'cause-format': [{ kind: 'penalty', fires: { cause: '生产不符合食品安全标准的食品' }, near: { cause: '生产不符合食品安全标准的食品案' } }],
  'doc-no-year-after-close': [{ kind: 'penalty', fires: { decisionNo: '天综执罚决〔2024〕1号' }, near: { decisionNo: '天综执罚决〔2023〕1号' }, opts: { today: '2024-06-01' } }],
  'hazard-count-invalid': [
    { kind: 'inspection', fires: { hazardCount: '若干' }, near: { hazardCount: '2' } },
    { kind: 'inspection', fires: { hazardCount: 1.5 }, near: { hazardCount: 1 } },
    { kind: 'inspection', fires: { hazardCount: -1 }, near: { hazardCount: 3 } },
  ],
  'hazard-count-normalize': [
    { kind: 'inspection', fires: { hazardCount: '零', hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' }, near: { hazardCount: '0', hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' } },
    { kind: 'inspection', fires: { hazardCount: '0处', hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' }, near: { hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' } },
    { kind: 'inspection', fires: { hazardCount: '1处' }, near: { hazardCount: 1 } },
    { kind: 'inspection', fires: { hazardCount: '一' }, near: { hazardCount: '1' } },
  ],
  'rectify-owner-missing': [{ kind: 'inspection', fires: { rectifyOwner: '' }, near: { rectifyOwner: '赵五' } }],
  'hazard-fields-unexpected': [
    { kind: 'inspection', fires: { hazardCount: 0 }, near: { hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '' } },
    { kind: 'inspection', fires: { hazardCount: 0, hazards: '', measures: '', rectifyDone: '', rechecker: '' }, near: { hazardCount: 0, hazards: '无', measures: '', rectifyDone: '', recheckOn: '', rechecker: '' } },
    { kind: 'inspection', fires: { hazardCount: 0, hazards: '灭火器过期', measures: '/', rectifyOwner: '/', rectifyDone: '/', recheckOn: '/', rechecker: '/' }, near: { hazardCount: 0, hazards: '未发现隐患', measures: '无需整改', rectifyOwner: '/', rectifyDone: '/', recheckOn: '/', rechecker: '/' } },
  ],
  'rectify-both-marked': [{ kind: 'inspection', fires: { rectifyOpen: '√' }, near: { rectifyDone: '', rectifyOpen: '√' } }],
  'rectify-unmarked': [{ kind: 'inspection', fires: { rectifyDone: '' }, near: { rectifyDone: '', recheckOn: '', rechecker: '' } }],
  'recheck-before-inspection': [{ kind: 'inspection', fires: { recheckOn: '2023年10月15日' }, near: { recheckOn: '2023年10月16日' } }],
  'recheck-overdue': [
    { kind: 'inspection', fires: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月16日', measures: '5日内整改' }, near: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月31日', measures: '5日内整改' } },
    // No deadline written: 30 days. From 10-04 that is Friday 11-03; from 10-05 it is Saturday 11-04, so Monday 11-06.
    { kind: 'inspection', fires: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月4日', measures: '立即整改' }, near: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月5日', measures: '立即整改' } },
    // Several deadlines: the completion one governs, not the first step.
    { kind: 'inspection', fires: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年9月1日', measures: '5个工作日内提交方案，30日内整改完毕' }, near: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月16日', measures: '5个工作日内提交方案，30日内整改完毕' } },
    // Weeks and months (民法典第二百零二条): 一个月 from 10-04 is 11-04, a Saturday, so 11-06.
    { kind: 'inspection', fires: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月20日', measures: '一周内整改' }, near: { recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年10月4日', measures: '一个月内整改到位' } },
  ],
  'recheck-after-deadline': [
    // 2023-09-28 + 2 working days = 2023-10-08 (a 调休 Sunday): rechecked on the 9th is late, on the 8th is not.
    { kind: 'inspection', fires: { inspectedOn: '2023年9月28日', measures: '2个工作日内整改', recheckOn: '2023年10月9日' }, near: { inspectedOn: '2023年9月28日', measures: '2个工作日内整改', recheckOn: '2023年10月8日' } },
  ],
  'rectify-open': [
    { kind: 'inspection', fires: { rectifyDone: '', rectifyOpen: '√' }, near: { rectifyDone: '√', rectifyOpen: '' } },
    // The follow-up is already named (issue 17).
    { kind: 'inspection', fires: { rectifyDone: '', rectifyOpen: '√', remarks: '继续督促' }, near: { rectifyDone: '', rectifyOpen: '√', remarks: '已移交县市场监管局处理' } },
    { kind: 'inspection', fires: { rectifyDone: '', rectifyOpen: '√', remarks: '当事人态度较好' }, near: { rectifyDone: '', rectifyOpen: '√', remarks: '已报镇政府处理' } },
    { kind: 'inspection', fires: { rectifyDone: '', rectifyOpen: '√', remarks: '已督促' }, near: { rectifyDone: '', rectifyOpen: '√', remarks: '已立案查处，天综执罚决〔2023〕30号' } },
  ],
  'mark-normalize': [{ kind: 'inspection', fires: { rectifyDone: '✓' }, near: { rectifyDone: '√' } }],
  'coercion-category-invalid': [
    { kind: 'coercion', fires: { category: '罚款' }, near: { category: '强制措施' } },
    { kind: 'coercion', fires: { category: '扣押' }, near: { category: '行政强制措施（扣押）' } },
  ],
  'coercion-measure-invalid': [
    { kind: 'coercion', fires: { measure: '没收物品' }, near: { measure: '扣押财物' } },
    { kind: 'coercion', fires: { measure: '责令改正' }, near: { measure: '暂扣车辆' } },
    // A township without enforcement power applies to the court (行政强制法第五十三条).
    { kind: 'coercion', fires: { category: '行政强制执行', measure: '强制清除', term: '' }, near: { category: '行政强制执行', measure: '申请人民法院强制执行', term: '' } },
    { kind: 'coercion', fires: { category: '行政强制执行', measure: '查封场所', closedOn: '2023年10月1日' }, near: { category: '行政强制执行', measure: '代履行', closedOn: '2023年10月1日' } },
  ],
  'coercion-not-permitted': [
    { kind: 'coercion', fires: { measure: '冻结存款' }, near: { measure: '查封场所' } },
    { kind: 'coercion', fires: { measure: '限制人身自由' }, near: { measure: '扣押财物' } },
    // 划拨 is reserved to organs a law names; 拍卖 of goods already seized is lawful (第四十六条第三款).
    { kind: 'coercion', fires: { category: '行政强制执行', measure: '划拨存款、汇款', term: '' }, near: { category: '行政强制执行', measure: '拍卖扣押的财物抵缴罚款', term: '' } },
  ],
  'coercion-term-exceeded': [
    { kind: 'coercion', fires: { startedOn: '2023年8月1日', closedOn: '2023年10月10日' }, near: { startedOn: '2023年9月10日', closedOn: '2023年10月10日' } },
    { kind: 'coercion', fires: { startedOn: '2023年8月1日', closedOn: '2023年10月10日', remarks: '经批准延长30日' }, near: { startedOn: '2023年8月20日', closedOn: '2023年10月10日', remarks: '经批准延长30日' } },
    { kind: 'coercion', fires: { startedOn: '2023年9月1日', closedOn: '' , result: ''}, near: { startedOn: '2023年10月20日', closedOn: '', result: '' } },
    // 30 days from 09-01 end on 10-01, National Day: the term runs to 10-07 (民法典第二百零三条).
    { kind: 'coercion', fires: { startedOn: '2023年9月1日', closedOn: '2023年10月9日' }, near: { startedOn: '2023年9月1日', closedOn: '2023年10月7日' } },
    // Days of 检测 are not counted (行政强制法第二十五条第三款).
    { kind: 'coercion', fires: { startedOn: '2023年8月1日', closedOn: '2023年9月15日', remarks: '送检测期间10日' }, near: { startedOn: '2023年8月1日', closedOn: '2023年9月15日', remarks: '送检测期间20日' } },
    { kind: 'coercion', fires: { startedOn: '2023年8月1日', closedOn: '2023年9月20日', remarks: '未申请延长' }, near: { startedOn: '2023年8月1日', closedOn: '2023年9月20日', remarks: '经批准延长' } },
    { kind: 'coercion', fires: { startedOn: '2023年8月1日', closedOn: '2023年9月20日', remarks: '不予延长' }, near: { category: '行政强制执行', measure: '拍卖扣押的财物', startedOn: '2023年8月1日', closedOn: '2023年9月20日', term: '' } },
    // A testing period given as a date range counts its real length (issue 17): 15 days, not 8.
    {
      kind: 'coercion',
      fires: { startedOn: '2023年8月20日', closedOn: '2023年9月30日', remarks: '鉴定期间2023年9月8日至9月12日（共5日）' },
      near: { startedOn: '2023年8月20日', closedOn: '2023年9月30日', remarks: '鉴定期间2023年9月8日至9月22日（共15日）' },
    },
    { kind: 'coercion', fires: { startedOn: '2023年8月20日', closedOn: '2023年9月30日', remarks: '检测期间9月8日至9月12日' }, near: { startedOn: '2023年8月20日', closedOn: '2023年9月30日', remarks: '检测期间9月8日-22日' } },
  ],
  'coercion-night-holiday': [
    // 2023-10-02: National Day. 2023-10-09: a Monday; 2023-10-14: a plain Saturday.
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月2日' }, near: { ...ENF, startedOn: '2023年10月9日' } },
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月1日' }, near: { ...ENF, startedOn: '2023年10月14日' } },
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月9日 22:30' }, near: { ...ENF, startedOn: '2023年10月9日 21:30' } },
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月9日凌晨5时' }, near: { ...ENF, startedOn: '2023年10月9日凌晨5时', remarks: '情况紧急，危及公共安全' } },
    { kind: 'coercion', fires: { ...ENF, startedOn: new Date(Date.UTC(2023, 9, 9, 23, 0)) }, near: { ...ENF, startedOn: new Date(Date.UTC(2023, 9, 9)) } },
    { kind: 'coercion', fires: { ...ENF, startedOn: 45208.95 }, near: { ...ENF, startedOn: 45208 } },
    // Only 行政强制执行: a 扣押 on a holiday, or an application to the court, is no such act.
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月3日' }, near: { startedOn: '2023年10月3日', closedOn: '2023年10月20日' } },
    { kind: 'coercion', fires: { ...ENF, startedOn: '2023年10月4日' }, near: { ...ENF, measure: '申请人民法院强制执行', startedOn: '2023年10月4日' } },
  ],
  'coercion-close-before-start': [{ kind: 'coercion', fires: { closedOn: '2023年9月19日' }, near: { closedOn: '2023年9月20日' } }],
};

const base = (kind: Kind, r: Row): Row => (kind === 'penalty' ? p(r) : kind === 'inspection' ? i(r) : c(r));

describe('the clean rows are clean', () => {
  test.each(['penalty', 'inspection', 'coercion'] as Kind[])('%s', (kind) => {
    expect(rulesOf(kind, GOOD[kind])).toEqual([]);
  });
});

describe.each(Object.keys(CASES))('%s', (id) => {
  test.each(CASES[id].map((x, n) => [n, x] as const))('case %i fires, its near miss does not', (_n, cs) => {
    expect(rulesOf(cs.kind, base(cs.kind, cs.fires), cs.opts)).toContain(id);
    expect(rulesOf(cs.kind, base(cs.kind, cs.near), cs.opts)).not.toContain(id);
  });
});

test('duplicate-doc-no fires on every repeat after the first, also across bracket styles', () => {
  const recs = checkRows('penalty', [
    p({ decisionNo: '天综执罚决〔2023〕15号' }),
    p({ decisionNo: '天综执罚决〔2023〕16号' }),
    p({ decisionNo: '天综执罚决[2023]15号' }),
    p({ decisionNo: '天综执罚决〔2023〕15号 ' }),
  ]);
  const dup = recs.map((r) => r.issues.filter((x) => x.rule === 'duplicate-doc-no').length);
  expect(dup).toEqual([0, 0, 1, 1]);
  expect(recs[2].status).toBe('invalid');
  expect(recs[2].issues.find((x) => x.rule === 'duplicate-doc-no')!.message).toContain('第3行');
});

test('every declared rule has a test case here', () => {
  // rows-not-read is about rows that are no case: test/ledger/boundaries.test.ts; the roster's rules need a roster sheet: test/validation/roster.test.ts.
  const roster = RULES.map((r) => r.id).filter((id) => id.startsWith('roster-'));
  const tested = new Set([...Object.keys(CASES), 'duplicate-doc-no', 'rows-not-read', ...roster]);
  expect(RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
});

test('every rule message is Chinese, names the column, and says what to write', () => {
  for (const [id, cases] of Object.entries(CASES)) {
    const cs = cases[0];
    const recs = checkRows(cs.kind, [base(cs.kind, cs.fires)], cs.opts);
    const issue = recs[0].issues.find((x) => x.rule === id)!;
    expect(issue.message).toMatch(/^[A-Z]+\d+「[^」]+」：/);
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect(issue.message).toMatch(/请|应|可/);
  }
});

describe('status and reporting month (spec §1, §3.5)', () => {
  test('penalty: month of 结案时间', () => {
    const [r] = checkRows('penalty', [p({ closedOn: '2023年9月28日' })]);
    expect([r.status, r.reportMonth]).toEqual(['ok', '2023-09']);
  });
  test('inspection with hazards: month of the recheck; without recheck: pending', () => {
    const [a, b] = checkRows('inspection', [i({ inspectedOn: '2023年9月28日', recheckOn: '2023年10月9日' }), i({ docNo: '天综执检〔2023〕45号', recheckOn: '', rechecker: '', rectifyDone: '', inspectedOn: '2023年11月1日' })]);
    expect([a.status, a.reportMonth]).toEqual(['ok', '2023-10']);
    expect([b.status, b.reportMonth]).toEqual(['pending', null]);
  });
  test('inspection without hazards: month of the first inspection', () => {
    const [r] = checkRows('inspection', [i({ hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', recheckOn: '', rechecker: '', inspectedOn: '2023年9月30日' })]);
    expect([r.status, r.reportMonth]).toEqual(['ok', '2023-09']);
  });
  test('coercion still running is pending; closed is reported in the closing month', () => {
    const [a, b] = checkRows('coercion', [c({ closedOn: '', result: '', startedOn: '2023年10月25日' }), c({ decisionNo: '天综执强〔2023〕3号' })]);
    expect([a.status, a.reportMonth]).toEqual(['pending', null]);
    expect([b.status, b.reportMonth]).toEqual(['ok', '2023-10']);
  });
  test('an unreadable deciding date gives no month; an error makes the row invalid', () => {
    const [r] = checkRows('penalty', [p({ closedOn: '2023年10月' })]);
    expect([r.status, r.reportMonth]).toEqual(['invalid', null]);
  });
  test('1904 date system serials', () => {
    // 2023-10-12 is 45211 in the 1900 system and 43749 in the 1904 system.
    expect(checkRows('penalty', [p({ closedOn: 43749 })], { date1904: true })[0].fields.closedOn).toBe('2023-10-12');
    expect(checkRows('penalty', [p({ closedOn: 45211 })])[0].fields.closedOn).toBe('2023-10-12');
  });
});

test('an undeclared working-day year is counted Mon–Fri and the message says so', () => {
  const recs = checkRows('inspection', [i({ inspectedOn: '2031年3月3日', measures: '3个工作日内整改', recheckOn: '2031年3月10日' })], { today: '2031-12-31' });
  const issue = recs[0].issues.find((x) => x.rule === 'recheck-after-deadline');
  expect(issue).toBeDefined();
  expect(issue!.message).toContain('2031年的法定节假日安排尚未收录');
  // Mon 3 March 2031 + 3 working days (Mon–Fri) = Thu 6 March.
  expect(issue!.message).toContain('2031年3月6日');
});
