/*
 * The live check after an edit uses the same boundaries (issue 16 §3): typing a divider, a total
 * or a continuation into a ledger re-checks the rows around it — it does not cut the table — and
 * after any sequence of edits the session's result is the one a fresh check of the same cells gives.
 * Over the host-neutral session and its plain in-memory driver (test/session/driver.ts).
 */
import fc from 'fast-check';
import { CellValue } from '../../src/ledger/cell';
import { toCheckJson } from '../../src/validation/report';
import { checkWorkbook } from '../../src/validation/workbook';
import { ledgerGrid } from '../helpers/ledger';
import { MemoryDriver, manualSession } from '../session/driver';

const TODAY = '2023-12-05';

function session(driver: MemoryDriver) {
  return manualSession(driver, TODAY);
}

const penalty = (n: number, month = 10) => ({
  seq: n,
  decisionNo: `天综执罚决〔2023〕${n}号`,
  cause: '占道经营案',
  party: `某公司${n}`,
  facts: '占道经营',
  closedOn: `2023年${month}月${n + 1}日`,
  outcome: '警告',
  basis: '《城市市容和环境卫生管理条例》第三十六条',
  officers: '王明、李强',
});

/** Three October cases (rows 3–5), an empty row 6, three November cases (rows 7–9). */
function twoMonths(): MemoryDriver {
  const g = ledgerGrid('penalty', [penalty(1), penalty(2), penalty(3), {}, penalty(4, 11), penalty(5, 11), penalty(6, 11)], '处罚');
  return MemoryDriver.of([g]);
}

const fresh = (driver: MemoryDriver) => toCheckJson(checkWorkbook(driver.sheets.map((x) => x.grid), { today: TODAY }), 'x');

test('typing a month divider between two months keeps every case, re-checking only the rows around it', async () => {
  const driver = twoMonths();
  const { s, fire } = session(driver);
  await s.checkAll();
  expect(s.current().sheets[0].records).toBe(6);
  await s.startLive();
  driver.edit('处罚', 6, 1, '2023年11月');
  await fire();
  expect(driver.ops.slice(1)).toEqual(['recheckRows']);
  expect(s.current().check!.ledgers[0].records.map((r) => r.row)).toEqual([3, 4, 5, 7, 8, 9]);
  expect(toCheckJson(s.current().check!, 'x')).toEqual(fresh(driver));
  // Merged across the table (as clerks do), then a 合计 line under the last case: still six cases, no findings.
  driver.edit('处罚', 10, 1, '合计');
  driver.edit('处罚', 10, 2, '共6件');
  await fire();
  const l = s.current().check!.ledgers[0];
  expect([l.records.length, l.sheetIssues]).toEqual([6, []]);
});

test('a second line of 主要违法事实 typed under a case is joined to it; clearing it unjoins', async () => {
  const driver = twoMonths();
  const { s, fire } = session(driver);
  await s.checkAll();
  await s.startLive();
  driver.edit('处罚', 10, 5, '，经责令改正拒不改正');
  await fire();
  const facts = () => s.current().check!.ledgers[0].records.map((r) => r.display.facts);
  expect(facts()[5]).toBe('占道经营，经责令改正拒不改正');
  expect(toCheckJson(s.current().check!, 'x')).toEqual(fresh(driver));
  driver.edit('处罚', 10, 5, null);
  await fire();
  expect(facts()[5]).toBe('占道经营');
  expect(toCheckJson(s.current().check!, 'x')).toEqual(fresh(driver));
});

test('any sequence of edits (dividers, totals, notes, continuations, cases, clearing) ends where a fresh check of the same cells does', async () => {
  const values: CellValue[] = ['2023年11月', '合计', '共3件', '注：单位为元', '，拒不改正', '王某', '违法搭建案', '2023年11月20日', '天综执罚决〔2023〕9号', null, 7, '/', '、第三十八条'];
  const edit = fc.record({ row: fc.integer({ min: 3, max: 12 }), col: fc.integer({ min: 1, max: 12 }), value: fc.constantFrom(...values) });
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (batches) => {
      const driver = twoMonths();
      const { s, fire } = session(driver);
      await s.checkAll();
      await s.startLive();
      for (const batch of batches) {
        for (const e of batch) driver.edit('处罚', e.row, e.col, e.value);
        await fire();
        expect(toCheckJson(s.current().check!, 'x')).toEqual(fresh(driver));
      }
    }),
    { numRuns: 60 },
  );
});
