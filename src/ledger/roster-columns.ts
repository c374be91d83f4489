/*
 * The 执法人员名单 (issue 21), declared as data like the ledgers: one officer a row, recognised by
 * its title or its header (aliases, a title row, extra columns), read by the same table machinery.
 */
import { TableDef, col } from './columns';

export const ROSTER_TITLE = '执法人员名单';

export const ROSTER: TableDef = {
  kind: 'roster',
  name: ROSTER_TITLE,
  sheetName: ROSTER_TITLE,
  footnote:
    '填表说明：一人一行。姓名与台账中的写法一致；执法证号、发证机关、有效期至照执法证填写；协管员、辅警等没有执法证的人员在备注中写明身份（如“协管员”），调离的写“已调离 2023-08-01”。本表只用于核对台账中的执法人员，执法证号不写入报送的 Word 文件和邮件。',
  columns: [
    col({ key: 'seq', header: '序号', aliases: ['编号'], type: 'seq', unique: true, official: false, width: 6 }),
    col({ key: 'name', header: '姓名', aliases: ['执法人员姓名', '人员姓名', '执法人员', '名字'], type: 'text', required: true, identifying: true, unique: true, width: 10 }),
    col({
      key: 'certNo',
      header: '执法证号',
      aliases: ['执法证件号', '执法证件号码', '执法证号码', '执法证编号', '执法证件编号', '行政执法证号', '行政执法证件号', '行政执法证件号码', '行政执法证编号', '证号', '执法证', '执法证件'],
      type: 'text',
      identifying: true,
      unique: true,
      width: 18,
    }),
    col({ key: 'issuer', header: '发证机关', aliases: ['发证单位', '发证部门', '颁发机关', '发证机构'], type: 'text', width: 18 }),
    col({
      key: 'validUntil',
      header: '有效期至',
      aliases: ['有效期', '有效期限', '证件有效期', '执法证有效期', '有效期截止', '有效截止日期', '有效期截止日期', '截止日期', '到期日期', '到期时间', '证件有效期至', '有效期至日期'],
      type: 'date',
      width: 14,
    }),
    col({ key: 'remarks', header: '备注', aliases: ['备注说明', '附注'], type: 'text', long: true, width: 24 }),
    // The county's combined roster names each officer's township; a team's own roster may name a role.
    col({ key: 'unit', header: '所属单位', aliases: ['单位', '工作单位', '执法单位', '所在单位', '单位名称', '乡镇', '所属乡镇', '乡镇名称'], type: 'text', official: false, width: 16 }),
    col({ key: 'role', header: '人员类别', aliases: ['身份', '人员身份', '人员性质', '人员类型', '职务', '岗位', '类别'], type: 'text', official: false, width: 10 }),
  ],
};
