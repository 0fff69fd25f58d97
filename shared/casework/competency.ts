import Papa from 'papaparse';
import { z } from 'zod';

// Competency record items (직무능력계좌, domain.md §7) and the import format of
// docs/competency-import.md: JSON (`{ "items": [...] }` or a bare array) or CSV with a header row.
// Parsing is all-or-nothing: the result lists what would be added and every bad line with its line
// number; the service writes nothing when any line is bad.

export const COMPETENCY_KINDS = ['qualification', 'training', 'education', 'career'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

export const COMPETENCY_SOURCES = [
  'q-net',
  'cq-net',
  'hrd-net',
  'employment-insurance',
  'neis',
  'polytechnic',
  'university',
  'self-reported',
] as const;
export type CompetencySource = (typeof COMPETENCY_SOURCES)[number];

/** Korean and display spellings that national-system exports and spreadsheets use. */
const KIND_ALIASES: Record<string, CompetencyKind> = {
  자격: 'qualification',
  훈련: 'training',
  교육: 'education',
  경력: 'career',
};
const SOURCE_ALIASES: Record<string, CompetencySource> = {
  qnet: 'q-net',
  큐넷: 'q-net',
  cqnet: 'cq-net',
  hrdnet: 'hrd-net',
  고용보험: 'employment-insurance',
  employmentinsurance: 'employment-insurance',
  나이스: 'neis',
  폴리텍: 'polytechnic',
  한국폴리텍대학: 'polytechnic',
  대학: 'university',
  본인신고: 'self-reported',
  selfreported: 'self-reported',
};

/** NCS codes: the 2-digit major class (01–24) followed by more 2-digit levels, optionally a unit suffix (_16v3). */
const NCS_CODE = /^(0[1-9]|1\d|2[0-4])(\d{2}){0,4}(_\d{2}v\d{1,2})?$/;

export interface CompetencyFields {
  kind: CompetencyKind;
  title: string;
  ncsCode: string | null;
  issuer: string | null;
  startedOn: string | null;
  endedOn: string | null;
  hours: number | null;
  grade: string | null;
  source: CompetencySource;
}

export interface CompetencyItem extends CompetencyFields {
  id: string;
  createdAt: string;
  createdByName: string | null;
}

function normaliseDate(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s === '') return null;
  const m = /^(\d{4})[-./]?(\d{2})[-./]?(\d{2})\.?$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : s;
}

const dateField = z.preprocess(
  normaliseDate,
  z
    .string()
    .max(10, 'competency.error.date')
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, 'competency.error.date')
    .nullable(),
);

function optionalText(max: number, key: string) {
  return z.preprocess(
    (v) =>
      v === undefined || (typeof v === 'string' && v.trim() === '')
        ? null
        : typeof v === 'number'
          ? String(v)
          : v,
    z.string(key).trim().max(max, key).nullable(),
  );
}

function alias<T extends string>(aliases: Record<string, T>, values: readonly T[]) {
  return (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const s = v.trim();
    if ((values as readonly string[]).includes(s.toLowerCase())) return s.toLowerCase();
    return aliases[s] ?? aliases[s.toLowerCase().replace(/[\s_-]/g, '')] ?? s;
  };
}

export const competencyFieldsSchema = z
  .object({
    kind: z.preprocess(
      alias(KIND_ALIASES, COMPETENCY_KINDS),
      z.enum(COMPETENCY_KINDS, 'competency.error.kind'),
    ),
    title: z
      .string('competency.error.title')
      .trim()
      .min(1, 'competency.error.title')
      .max(200, 'competency.error.title'),
    ncsCode: z.preprocess(
      (v) =>
        v === undefined || (typeof v === 'string' && v.trim() === '')
          ? null
          : typeof v === 'string'
            ? v.trim()
            : v,
      z.string('competency.error.ncsCode').regex(NCS_CODE, 'competency.error.ncsCode').nullable(),
    ),
    issuer: optionalText(200, 'competency.error.issuer'),
    startedOn: dateField,
    endedOn: dateField,
    hours: z.preprocess(
      (v) =>
        v === undefined ? null : typeof v === 'string' ? (v.trim() === '' ? null : Number(v.trim())) : v,
      z
        .number('competency.error.hours')
        .int('competency.error.hours')
        .min(0, 'competency.error.hours')
        .max(100_000, 'competency.error.hours')
        .nullable(),
    ),
    grade: optionalText(50, 'competency.error.grade'),
    source: z.preprocess(
      alias(SOURCE_ALIASES, COMPETENCY_SOURCES),
      z.enum(COMPETENCY_SOURCES, 'competency.error.source'),
    ),
  })
  .refine((f) => f.startedOn === null || f.endedOn === null || f.endedOn >= f.startedOn, {
    message: 'competency.error.dateOrder',
    path: ['endedOn'],
  });

/** Fields in import order; CSV headers may be these names or the Korean ones beside them. */
export const COMPETENCY_COLUMNS = [
  ['kind', '구분'],
  ['title', '명칭'],
  ['ncsCode', 'NCS코드'],
  ['issuer', '발급기관'],
  ['startedOn', '시작일'],
  ['endedOn', '종료일'],
  ['hours', '시간'],
  ['grade', '등급'],
  ['source', '출처'],
] as const;

/** Two items are the same when every field matches (after trimming and normalising dates). */
export function competencyKey(f: CompetencyFields): string {
  return JSON.stringify([
    f.kind,
    f.title,
    f.ncsCode,
    f.issuer,
    f.startedOn,
    f.endedOn,
    f.hours,
    f.grade,
    f.source,
  ]);
}

export interface ImportLineError {
  /** 1-based line of the file where the bad item starts (0 when the file as a whole is unreadable). */
  line: number;
  /** The field at fault, when one is. */
  field: string | null;
  /** A message key (competency.error.*). */
  message: string;
}

export interface ParsedImport {
  items: Array<{ line: number; fields: CompetencyFields }>;
  errors: ImportLineError[];
}

export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ITEMS = 2000;

function validateItem(raw: unknown, line: number, out: ParsedImport): void {
  const parsed = competencyFieldsSchema.safeParse(raw);
  if (parsed.success) {
    out.items.push({ line, fields: parsed.data });
    return;
  }
  const first = parsed.error.issues[0];
  out.errors.push({
    line,
    field: first?.path.length ? String(first.path[0]) : null,
    message: first?.message.startsWith('competency.') ? first.message : 'competency.error.item',
  });
}

/**
 * Start offsets of the elements of the items array: the root array, or the array under the root
 * object's "items" key. A small scanner, since JSON.parse keeps no positions.
 */
function itemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let lastKeyAtDepth1: string | null = null;
  let stringStart = -1;
  let itemsDepth = -1;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 1 && itemsDepth === -1) lastKeyAtDepth1 = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (itemsDepth !== -1 && depth === itemsDepth && expectValue && c !== ']') {
      offsets.push(i);
      expectValue = false;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && itemsDepth === -1 && (depth === 1 || (depth === 2 && lastKeyAtDepth1 === 'items'))) {
        itemsDepth = depth;
        expectValue = true;
      }
    } else if (c === ']' || c === '}') {
      if (depth === itemsDepth) itemsDepth = -2; // done: later arrays are not items
      depth--;
    } else if (c === ',' && depth === itemsDepth) {
      expectValue = true;
    }
  }
  return offsets;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseCompetencyJson(text: string): ParsedImport {
  const out: ParsedImport = { items: [], errors: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    out.errors.push({
      line: m ? lineAt(text, Number(m[1])) : 0,
      field: null,
      message: 'competency.error.json',
    });
    return out;
  }
  const items = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : null;
  if (!items) {
    out.errors.push({ line: 1, field: null, message: 'competency.error.noItems' });
    return out;
  }
  const offsets = itemOffsets(text);
  items.forEach((raw, index) => {
    const offset = offsets[index];
    validateItem(raw, offset === undefined ? 0 : lineAt(text, offset), out);
  });
  return out;
}

export function parseCompetencyCsv(text: string): ParsedImport {
  const out: ParsedImport = { items: [], errors: [] };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // Line numbers from the row texts themselves, so quoted fields with line breaks keep later lines right.
  let line = 1;
  const rows: Array<{ line: number; cells: string[] }> = [];
  for (const cells of parsed.data) {
    rows.push({ line, cells });
    line += cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0) + 1;
  }
  const header = rows.shift();
  if (!header) {
    out.errors.push({ line: 1, field: null, message: 'competency.error.noHeader' });
    return out;
  }
  const columns = header.cells.map((h) => {
    const name = h.trim().replace(/^\uFEFF/, '');
    const found = COMPETENCY_COLUMNS.find(
      ([en, ko]) => en.toLowerCase() === name.toLowerCase() || ko === name.replace(/\s/g, ''),
    );
    return found ? found[0] : null;
  });
  const missing = (['kind', 'title', 'source'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    out.errors.push({ line: 1, field: missing[0] ?? null, message: 'competency.error.noHeader' });
    return out;
  }
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length !== header.cells.length) {
      out.errors.push({ line: row.line, field: null, message: 'competency.error.columns' });
      continue;
    }
    const raw: Record<string, string> = {};
    columns.forEach((name, i) => {
      if (name) raw[name] = row.cells[i] ?? '';
    });
    validateItem(raw, row.line, out);
  }
  return out;
}

export type ImportFormat = 'json' | 'csv';

export function parseCompetencyFile(format: ImportFormat, content: string): ParsedImport {
  const text = content.replace(/^\uFEFF/, '');
  const parsed = format === 'json' ? parseCompetencyJson(text) : parseCompetencyCsv(text);
  if (parsed.items.length + parsed.errors.length > MAX_IMPORT_ITEMS) {
    return { items: [], errors: [{ line: 0, field: null, message: 'competency.error.tooMany' }] };
  }
  if (parsed.items.length === 0 && parsed.errors.length === 0) {
    return { items: [], errors: [{ line: 0, field: null, message: 'competency.error.noItems' }] };
  }
  return parsed;
}
