import type { RefusalCode } from '../refusals.ts';
import type { ColumnDecl, Role } from './columns.ts';

/** Why a change does not fit its table's declaration: a refusal of the shared catalog. */
export interface Problem {
  code: RefusalCode;
  values?: Record<string, string>;
}

export interface TableDecl {
  /** Who may add records of this table. */
  readonly insert: readonly Role[];
  readonly columns: Readonly<Record<string, ColumnDecl>>;
  /** A rule across columns, on the whole row as it would be after the change (null: fine). */
  readonly check?: (row: Record<string, unknown>) => Problem | null;
}
