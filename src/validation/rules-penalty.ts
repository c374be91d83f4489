/** Rules of the 行政处罚 ledger: the penalty, money and receipts, legal basis, procedure and dates. */
import { LAW_PENALTY } from './law';
import type { RuleDef } from './rules';

const P = ['penalty'] as const;

export const PENALTY_RULES = [
  {
    id: 'penalty-type-unknown',
    severity: 'warning',
    kinds: P,
    title: '处罚种类不明',
    when: '处罚情况没有写明《行政处罚法》第九条规定的处罚种类，也不是不予处罚',
    source: `${LAW_PENALTY}第九条`,
    message: (p) =>
      `${p.value}没有写明法定的处罚种类（${LAW_PENALTY}第九条：警告、通报批评；罚款、没收违法所得、没收非法财物；暂扣许可证件、降低资质等级、吊销许可证件；限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留；法律、行政法规规定的其他行政处罚）。请按行政处罚决定书写明处罚种类，罚款、没收违法所得的写明金额；不予处罚的写“不予行政处罚”。`,
  },
  {
    id: 'penalty-correction-only',
    severity: 'warning',
    kinds: P,
    title: '只有责令改正',
    when: '处罚情况只有责令改正、责令停止违法行为或限期改正：这不是行政处罚',
    source: `${LAW_PENALTY}第九条、第二十八条`,
    message: (p) =>
      `${p.value}不是行政处罚：责令当事人改正或者限期改正违法行为，是实施行政处罚时的要求（${LAW_PENALTY}第二十八条），不在第九条规定的处罚种类之中。只责令改正、没有给予行政处罚的案件不列入行政处罚案件台账；同时给予了行政处罚的，请按处罚决定书把处罚种类写全。`,
  },
  {
    id: 'penalty-detention',
    severity: 'error',
    kinds: P,
    title: '行政拘留不属乡镇权限',
    when: '处罚情况为行政拘留（限制人身自由的处罚只能由公安机关实施）',
    source: `${LAW_PENALTY}第十八条第三款`,
    message: (p) =>
      `${p.value}含有行政拘留。限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（${LAW_PENALTY}第十八条第三款），乡镇不能作出。请核对：此案应移送公安机关，不应列入本台账。`,
  },
  {
    id: 'fine-amount-missing',
    severity: 'error',
    kinds: P,
    title: '罚没金额缺失',
    when: '罚款／没收违法所得没有写金额',
    source: `${LAW_PENALTY}第九条、第五十九条`,
    message: (p) =>
      `${p.value === `“${p.detail}”` ? p.value : `${p.value}中的“${p.detail}”`}没有写金额。请按行政处罚决定书写明金额，如“${p.detail}5000元”。`,
  },
  {
    id: 'receipt-missing',
    severity: 'warning',
    kinds: P,
    title: '缺少罚没票据号',
    when: '有罚款或没收违法所得，但罚没票据号为空，或写的是“无”“/”“暂无”“未开票”（备注写明尚未缴纳、分期或延期缴纳、复议、诉讼或申请强制执行的除外）',
    source: `${LAW_PENALTY}第六十七条（罚缴分离）、第七十条（当场收缴）`,
    message: (p) => `${p.detail}。请填写票据号；尚未缴纳的在${p.header('remarks')}中注明。`,
  },
  {
    id: 'receipt-unexpected',
    severity: 'info',
    kinds: P,
    title: '无罚没款却有票据号',
    when: '填了罚没票据号，但处罚情况中没有罚没款',
    source: null,
    message: (p) => `填了${p.column}${p.value}，但「${p.header('outcome')}」中没有罚款或没收违法所得的金额。请核对「${p.header('outcome')}」或${p.column}。`,
  },
  {
    id: 'basis-no-article',
    severity: 'error',
    kinds: P,
    title: '处罚依据未写条款',
    when: '处罚依据没有写到具体条款（第…条）',
    source: `${LAW_PENALTY}第四十四条、第五十九条`,
    message: (p) => `${p.value}没有写到具体条款。${p.column}应写明法律、法规或规章的名称和条款，如“《中华人民共和国食品安全法》第一百二十四条第一款”。`,
  },
  {
    id: 'basis-no-law',
    severity: 'warning',
    kinds: P,
    title: '处罚依据未写法规名称',
    when: '处罚依据没有写明法律、法规、规章的名称（《…》，或以法、条例、规定、办法、细则结尾的名称；“相关法律法规”“有关规定”“本条例”不算）',
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
    message: (p) => `${p.column}${p.value}不以“案”结尾。请按“违法行为+案”的格式写，如“未按规定公示营业执照案”。`,
  },
  {
    id: 'summary-procedure-limit',
    severity: 'warning',
    kinds: P,
    title: '超出简易程序范围',
    when: '标明简易程序／当场处罚的案件，处罚不只是警告或罚款，或罚款超过对公民200元、对法人或其他组织3000元',
    source: `${LAW_PENALTY}第五十一条`,
    message: (p) =>
      `${p.detail}。当场作出的行政处罚（简易程序）只能是警告，或者对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款（${LAW_PENALTY}第五十一条）。请核对：超出的应按普通程序办理；适用程序记错的请改正。`,
  },
  {
    id: 'on-the-spot-collection',
    severity: 'warning',
    kinds: P,
    title: '当场收缴不符合条件',
    when: '写明当场收缴罚款，但罚款超过100元，且没有写明不当场收缴事后难以执行或边远、水上、交通不便地区',
    source: `${LAW_PENALTY}第六十八条、第六十九条`,
    message: (p) =>
      `${p.detail}。当场收缴罚款限于：当场作出决定、罚款一百元以下，或者不当场收缴事后难以执行（${LAW_PENALTY}第六十八条）；边远、水上、交通不便地区当事人缴款确有困难并提出的（第六十九条）。其余罚款应由当事人到指定的银行或者通过电子支付系统缴纳（第六十七条）。请核对；属于上述情形的在「${p.header('remarks')}」中写明。`,
  },
  {
    id: 'case-dates-order',
    severity: 'error',
    kinds: P,
    title: '立案、决定、结案顺序颠倒',
    when: '表格另有立案时间、决定时间等列时：结案早于立案或早于决定，或决定早于立案',
    source: null,
    message: (p) => `${p.detail}。请核对这几个日期。`,
  },
  {
    id: 'decision-overdue',
    severity: 'warning',
    kinds: P,
    title: '超过九十日作出决定',
    when: '表格另有立案时间、决定时间列时：决定晚于立案后九十日（期满日为法定休假日的顺延；备注写明延长、中止、听证、鉴定或另有规定的除外）',
    source: `${LAW_PENALTY}第六十条；《中华人民共和国民法典》第二百零一条、第二百零三条`,
    message: (p) =>
      `${p.detail}。行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定（${LAW_PENALTY}第六十条）。请核对日期；经批准延长或法律、法规、规章另有规定的，在「${p.header('remarks')}」中写明。`,
  },
] as const satisfies readonly RuleDef[];
