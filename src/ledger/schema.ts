import { z } from 'zod';
import { FieldType, Kind, LEDGERS } from './columns';
import { isIsoDate } from './dates';

const isoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' });

const FIELD_SCHEMAS: Record<FieldType, z.ZodTypeAny> = {
  text: z.string().nullable(),
  docNo: z.string().nullable(),
  seq: z.string().nullable(),
  date: isoDate.nullable(),
  persons: z.array(z.string()),
  count: z.number().int().min(0).nullable(),
  mark: z.boolean(),
};

/** The typed record of one ledger kind, derived from its column declarations. */
function recordSchema(kind: Kind) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const c of LEDGERS[kind].columns) shape[c.key] = FIELD_SCHEMAS[c.type];
  return z.object(shape).strict();
}

export const RECORD_SCHEMAS = {
  penalty: recordSchema('penalty'),
  inspection: recordSchema('inspection'),
  coercion: recordSchema('coercion'),
} satisfies Record<Kind, z.ZodTypeAny>;

/** Field values after parsing: text trimmed, dates ISO, persons split, counts, marks; null when empty or unreadable. */
export type TypedRecord = Record<string, string | number | boolean | string[] | null>;
