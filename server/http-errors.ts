import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

// Every refusal is JSON `{ error: { code, message, field? } }`; a bad body is a 400 naming the field.

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Seconds a desktop waits before sending a request again after the database was unavailable. */
export const DATABASE_RETRY_AFTER_S = 5;

/** 503: the database could not be reached or dropped the connection; nothing was written. */
export function databaseUnavailable(): HttpError {
  return new HttpError(
    503,
    'database-unavailable',
    'The server cannot reach its database right now. Nothing was changed; try again shortly.',
  );
}

/** Parses a request part with its schema or throws a 400 that names the first bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new HttpError(400, 'validation', `Invalid field "${field}": ${issue?.message ?? 'invalid'}`, field);
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ApiErrorBody = {
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  };
  return reply.status(error.status).send(body);
}
