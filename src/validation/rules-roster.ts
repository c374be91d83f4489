/*
 * Rules that read the 执法人员名单 (issue 21), only where a workbook (or the county's roll-up)
 * has one: who is named on a case but not on the roster, whose 执法证 had expired on the day of
 * the act, who holds none; and what of the roster itself could not be read.
 */
import { KINDS, Kind } from '../ledger/columns';
import { ROSTER_TITLE } from '../ledger/roster-columns';
import { LAW_COERCION, LAW_PENALTY } from './law';
import type { RuleDef } from './rules';
import { TWO_PERSONS } from './rules-common';

/** Why a valid certificate is needed, per ledger (the law that governs that kind of act). */
const CERTIFICATE: Record<Kind, string> = {
  penalty: `行政处罚应当由具有行政执法资格的执法人员实施，调查或者进行检查时应当出示执法证件（${LAW_PENALTY}第四十二条、第五十五条）`,
  inspection: `检查应当由具有行政执法资格的执法人员实施，并出示执法证件（${LAW_PENALTY}第四十二条、第五十五条）`,
  coercion: `行政强制措施应当由行政执法人员实施，并出示执法身份证件（${LAW_COERCION}第十七条第三款、第十八条）`,
};

const SOURCE = `${LAW_PENALTY}第四十二条、第五十五条（处罚、检查）；${LAW_COERCION}第十七条第三款、第十八条（强制）`;

export const ROSTER_RULES = [
  {
    id: 'roster-not-listed',
    group: '主体',
    severity: 'warning',
    kinds: KINDS,
    title: '执法人员不在名单中',
    source: SOURCE,
    message: (p) => `${p.value}中${p.detail}。请核对姓名是否写错；是本队持证执法人员的，请把他补进「${ROSTER_TITLE}」（姓名、执法证号、发证机关、有效期至）。`,
  },
  {
    id: 'roster-cert-expired',
    group: '主体',
    severity: 'error',
    kinds: KINDS,
    title: '执法证已过有效期',
    source: SOURCE,
    message: (p) => `${p.value}中${p.detail}。${CERTIFICATE[p.kind]}。请核对：执法证已换发的，在「${ROSTER_TITLE}」中改为新证的有效期；执法人员写错的，改为实际执法的人员。`,
  },
  {
    id: 'roster-no-cert',
    group: '主体',
    severity: 'error',
    kinds: KINDS,
    title: '名单中无执法证的人员不算执法人员',
    source: `${SOURCE}；交司字〔2023〕65号 三（八）`,
    message: (p) => `${p.value}中${p.detail}，不算执法人员，其余持证执法人员不足两人。${TWO_PERSONS[p.kind]}。请填写两名以上持有执法证的执法人员，辅助人员写在「${p.header('remarks')}」中。`,
  },
  {
    id: 'roster-unreadable',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '执法人员名单无法读取',
    source: null,
    message: (p) => `${p.detail}，本次没有按名单核对执法人员。请在名单的表头中写明「姓名」「执法证号」「发证机关」「有效期至」「备注」，一人一行。`,
  },
  {
    id: 'roster-entry-unreadable',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '执法人员名单中有读不了的行',
    source: null,
    message: (p) => `${p.detail}。请改正这一行；改正之前，这一行不能用于核对执法人员（不会因此报执法证过期）。`,
  },
] as const satisfies readonly RuleDef[];
