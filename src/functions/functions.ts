/*
 * The TZ.* custom functions (spec §5.2): thin wrappers over src/validation/cell-functions.
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends the
 * CustomFunctions.associate calls itself. Dates come in and go out as Excel serials (1900
 * date system); text dates are read too.
 */
import { isoFromParts } from '../ledger/dates';
import { FnResult, checkRow, isWorkdayCn, publicityDue, reportMonth, workdayCn } from '../validation/cell-functions';

/** Unwraps a result or throws #VALUE! with its Chinese message. */
function unwrap<T>(r: FnResult<T>): T {
  if (r.ok) return r.value;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, r.message);
}

/** Today in the computer's time zone. */
function localToday(): string {
  const now = new Date();
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * 案件的报送月份（YYYY-MM）。行政处罚、行政强制填结案时间；行政检查填检查时间、发现隐患数和复检日期：有隐患的按复检日期，未复检返回“待复检”。日期无法识别时返回 #VALUE!，选中该单元格后点旁边的错误提示图标可看到原因。
 * @customfunction REPORT_MONTH
 * @param date 结案时间或检查时间：日期单元格或文字日期，如 2023年10月9日。为空时返回空白。
 * @param [hazardCount] 发现隐患数（行政检查台账），如 0、1、“1处”；留空按 0 计。
 * @param [recheckDate] 复检日期（行政检查台账）；有隐患但为空时返回“待复检”。
 * @returns 报送月份，如 2023-10；或“待复检”。
 */
export function reportMonthFn(date: number | string, hazardCount?: number | string, recheckDate?: number | string): string {
  return unwrap(reportMonth(date, hazardCount, recheckDate));
}

/**
 * 按表头检查台账的一行，适用于行政处罚、行政检查、行政强制三种台账。没有问题返回 ✓；否则列出“规则: 说明”，用“；”分隔；空行返回空白。按本机今天的日期判断“晚于今天”，每次重新计算时都按当天重新检查。
 * @customfunction CHECK_ROW
 * @volatile
 * @param row 要检查的一行，如 A3:K3。
 * @param headerRow 台账的表头行，与行同样的列，并用 $ 固定，如 $A$2:$K$2；行政检查台账选两行表头，如 $A$2:$O$3。
 * @returns ✓ 或问题说明。
 */
export function checkRowFn(row: any[][], headerRow: any[][]): string {
  return unwrap(checkRow(row, headerRow, localToday()));
}

/**
 * 开始日期之后第 N 个工作日（按国务院公布的节假日和调休上班日计算），结果为日期序列号，请把单元格设为日期格式。开始当日不计入；N 为 0 时返回开始日期（非工作日则顺延）；N 为负数时向前数。节假日数据收录 2004–2026 年，其他年份按周一至周五计算。
 * @customfunction WORKDAY_CN
 * @param start 开始日期，如 2023年9月28日。
 * @param days 工作日天数，如 7；负数表示向前数。
 * @returns 日期序列号。
 */
export function workdayCnFn(start: number | string, days: number): number {
  return unwrap(workdayCn(start, days));
}

/**
 * 是否为工作日：法定节假日为 FALSE，调休上班的周六、周日为 TRUE。节假日数据收录 2004–2026 年，其他年份按周一至周五判断。
 * @customfunction IS_WORKDAY_CN
 * @param date 日期，如 2023年10月7日。
 * @returns TRUE 或 FALSE。
 */
export function isWorkdayCnFn(date: number | string): boolean {
  return unwrap(isWorkdayCn(date));
}

/**
 * 执法决定信息公示的最后一天：行政处罚、行政许可自决定之日起 7 个工作日内，其他执法决定 20 个工作日内（国办发〔2018〕118号；交司字〔2023〕65号）。决定当日不计入，结果为日期序列号，请把单元格设为日期格式。节假日数据收录 2004–2026 年，其他年份按周一至周五计算。
 * @customfunction PUBLICITY_DUE
 * @param decisionDate 执法决定作出的日期。
 * @param [kind] 决定类别：“处罚”“许可”（7 个工作日），或“检查”“强制”“其他”（20 个工作日）；留空按行政处罚计算。
 * @returns 日期序列号。
 */
export function publicityDueFn(decisionDate: number | string, kind?: string): number {
  return unwrap(publicityDue(decisionDate, kind));
}
