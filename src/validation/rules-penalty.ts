/** Rules of the 行政处罚 ledger: the penalty, money and receipts, legal basis, procedure and dates. */
import { LAW_COERCION, LAW_PENALTY } from './law';
import type { RuleDef } from './rules';

const P = ['penalty'] as const;

export const PENALTY_RULES = [
  {
    id: 'penalty-type-unknown',
    group: '依据',
    severity: 'warning',
    kinds: P,
    title: '处罚种类不明',
    source: `${LAW_PENALTY}第九条`,
    message: (p) =>
      `${p.value}没有写明法定的处罚种类（${LAW_PENALTY}第九条：警告、通报批评；罚款、没收违法所得、没收非法财物；暂扣许可证件、降低资质等级、吊销许可证件；限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留；法律、行政法规规定的其他行政处罚）。请按行政处罚决定书写明处罚种类，罚款、没收违法所得的写明金额；不予处罚的写“不予行政处罚”。`,
  },
  {
    id: 'penalty-correction-only',
    group: '依据',
    severity: 'warning',
    kinds: P,
    title: '只有责令改正',
    source: `${LAW_PENALTY}第九条、第二十八条`,
    message: (p) =>
      `${p.value}不是行政处罚：责令当事人改正或者限期改正违法行为，是实施行政处罚时的要求（${LAW_PENALTY}第二十八条），不在第九条规定的处罚种类之中。只责令改正、没有给予行政处罚的案件不列入行政处罚案件台账；同时给予了行政处罚的，请按处罚决定书把处罚种类写全。`,
  },
  {
    id: 'penalty-detention',
    group: '主体',
    severity: 'error',
    kinds: P,
    title: '行政拘留不属乡镇权限',
    source: `${LAW_PENALTY}第十八条第三款`,
    message: (p) =>
      `${p.value}含有行政拘留。限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（${LAW_PENALTY}第十八条第三款），乡镇不能作出。请核对：此案应移送公安机关，不应列入本台账。`,
  },
  {
    id: 'fine-amount-missing',
    group: '依据',
    severity: 'error',
    kinds: P,
    title: '罚没金额缺失',
    source: `${LAW_PENALTY}第九条、第五十九条`,
    message: (p) =>
      `${p.value === `“${p.detail}”` ? p.value : `${p.value}中的“${p.detail}”`}没有写金额。请按行政处罚决定书写明金额，如“${p.detail}5000元”。`,
  },
  {
    id: 'fine-amount-unit',
    group: '文书',
    severity: 'info',
    kinds: P,
    title: '金额没写单位',
    source: null,
    message: (p) => `${p.value}中的金额“${p.detail}”没有写单位，已按${p.detail}元读取。请写明单位，如“${p.detail}元”。`,
  },
  {
    id: 'late-payment-exceeds',
    group: '依据',
    severity: 'error',
    kinds: ['penalty', 'coercion'],
    title: '加处罚款超过罚款',
    source: `${LAW_COERCION}第四十五条第二款；${LAW_PENALTY}第七十二条第一款第一项`,
    message: (p) =>
      `${p.detail}。加处罚款或者滞纳金的数额不得超出金钱给付义务的数额（${LAW_COERCION}第四十五条第二款；${LAW_PENALTY}第七十二条第一款第一项）。请核对金额；确有超出的，应依法纠正。`,
  },
  {
    id: 'penalty-open-unconfirmed',
    group: '文书',
    severity: 'warning',
    kinds: P,
    title: '结案时间为空',
    source: '交司字〔2023〕65号 附件1 报送要求（以结案时间为标准报送）',
    message: (p) =>
      `${p.detail}。处罚案件以结案时间为标准报送，本案暂按尚未结案处理，不计入任何月份。已结案的请填写结案时间；未结案的请在「${p.header('remarks')}」中写明“尚未结案”（或分期缴纳、申请法院强制执行等）。`,
  },
  {
    id: 'receipt-missing',
    group: '程序',
    severity: 'warning',
    kinds: P,
    title: '缺少罚没票据号',
    source: `${LAW_PENALTY}第六十七条（罚缴分离）、第七十条（当场收缴）`,
    message: (p) => `${p.detail}。请填写票据号；尚未缴纳的在${p.header('remarks')}中注明。`,
  },
  {
    id: 'receipt-unexpected',
    group: '文书',
    severity: 'info',
    kinds: P,
    title: '无罚没款却有票据号',
    source: null,
    message: (p) => `填了${p.column}${p.value}，但「${p.header('outcome')}」中没有罚款或没收违法所得的金额。请核对「${p.header('outcome')}」或${p.column}。`,
  },
  {
    id: 'basis-no-article',
    group: '依据',
    severity: 'error',
    kinds: P,
    title: '处罚依据未写条款',
    source: `${LAW_PENALTY}第四十四条、第五十九条`,
    message: (p) => `${p.value}没有写到具体条款。${p.column}应写明法律、法规或规章的名称和条款，如“《中华人民共和国食品安全法》第一百二十四条第一款”。`,
  },
  {
    id: 'basis-normative-document',
    group: '依据',
    severity: 'error',
    kinds: P,
    title: '处罚依据只有规范性文件',
    source: `${LAW_PENALTY}第十六条、第三十八条；《中华人民共和国立法法》（规章的制定机关）`,
    message: (p) =>
      `${p.value}只写了${p.detail}，这是规范性文件，不是法律、法规或规章，不得设定行政处罚（${LAW_PENALTY}第十六条、第三十八条）。请写明设定处罚的法律、法规或规章的名称和条款，如“《中华人民共和国食品安全法》第一百二十四条”。`,
  },
  {
    id: 'basis-no-law',
    group: '依据',
    severity: 'warning',
    kinds: P,
    title: '处罚依据未写法规名称',
    source: `${LAW_PENALTY}第五十九条`,
    message: (p) => `${p.value}没有写明法律、法规或规章的名称。请写全称并加书名号，如“《中华人民共和国食品安全法》第一百二十四条”。`,
  },
  {
    id: 'cause-format',
    group: '文书',
    severity: 'info',
    kinds: P,
    title: '案由格式',
    source: null,
    message: (p) => `${p.column}${p.value}不以“案”结尾。请按“违法行为+案”的格式写，如“未按规定公示营业执照案”。`,
  },
  {
    id: 'summary-procedure-limit',
    group: '程序',
    severity: 'warning',
    kinds: P,
    title: '超出简易程序范围',
    source: `${LAW_PENALTY}第五十一条`,
    message: (p) =>
      `${p.detail}。当场作出的行政处罚（简易程序）只能是警告，或者对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款（${LAW_PENALTY}第五十一条）。请核对：超出的应按普通程序办理；适用程序记错的请改正。`,
  },
  {
    id: 'on-the-spot-collection',
    group: '程序',
    severity: 'warning',
    kinds: P,
    title: '当场收缴不符合条件',
    source: `${LAW_PENALTY}第六十八条、第六十九条`,
    message: (p) =>
      `${p.detail}。当场收缴罚款限于：当场作出决定、罚款一百元以下，或者不当场收缴事后难以执行（${LAW_PENALTY}第六十八条）；边远、水上、交通不便地区当事人缴款确有困难并提出的（第六十九条）。其余罚款应由当事人到指定的银行或者通过电子支付系统缴纳（第六十七条）。请核对；属于上述情形的在「${p.header('remarks')}」中写明。`,
  },
  {
    id: 'case-dates-order',
    group: '程序',
    severity: 'error',
    kinds: P,
    title: '立案、决定、结案顺序颠倒',
    source: null,
    message: (p) => `${p.detail}。请核对这几个日期。`,
  },
  {
    id: 'decision-overdue',
    group: '期限',
    severity: 'warning',
    kinds: P,
    title: '超过九十日作出决定',
    source: `${LAW_PENALTY}第六十条；《中华人民共和国民法典》第二百零一条、第二百零三条`,
    message: (p) =>
      `${p.detail}。行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定（${LAW_PENALTY}第六十条）。请核对日期；经批准延长或法律、法规、规章另有规定的，在「${p.header('remarks')}」中写明。`,
  },
] as const satisfies readonly RuleDef[];
