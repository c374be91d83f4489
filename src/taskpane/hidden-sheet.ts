/* A sheet hidden in the workbook (LedgerLayout.hidden, RosterResult.hidden): checked and reported all the same; the pane says so, as the CLI does. */
export const HIDDEN_MARK = '（隐藏的工作表）';
export const HIDDEN_NOTE = '这张工作表在工作簿中是隐藏的，常是往年的副本；它的案件也照样检查、计入报送。不需要时请删除这张表，需要时请取消隐藏。';
