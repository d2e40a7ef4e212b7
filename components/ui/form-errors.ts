import { TRPCClientError } from '@trpc/client';

/**
 * Turns a tRPC error into what a form shows: messages for its own fields (inline, without the "field: " prefix)
 * and anything else for an ErrorBanner. The server names the field in both zod errors (data.fieldErrors, keyed by
 * the issue's dotted path, see server/trpc/init.ts) and service refusals ("url: this document is already logged …").
 *
 * Forms on react-hook-form use components/forms/ (which builds on readServerError below); this FormErrors shape
 * serves the small hand-written forms and action buttons.
 */
export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
  /** tRPC error code, e.g. CONFLICT. */
  code: string | null;
  /** Set when the server refused a duplicate source. */
  duplicateOfId: string | null;
  /** The refusal's machine-readable details (ServiceError.details), e.g. `{ duplicates: [{ id, name }] }`. */
  details: Record<string, unknown> | null;
}

export const noFormErrors: FormErrors = { fields: {}, banner: null, code: null, duplicateOfId: null, details: null };

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string> | null;
  details?: Record<string, unknown> | null;
}

/** One problem the server reported: `path` is the dotted input path ("title", "sources.0.excerpt") or null. */
export interface ServerIssue {
  path: string | null;
  message: string;
}

export interface ServerError {
  code: string | null;
  issues: ServerIssue[];
  details: Record<string, unknown> | null;
  duplicateOfId: string | null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Reads any error a tRPC call can throw into a code, its per-path issues and its details. */
export function readServerError(error: unknown): ServerError {
  if (!(error instanceof TRPCClientError)) {
    return { code: null, issues: [{ path: null, message: 'Something went wrong. Check your connection and try again.' }], details: null, duplicateOfId: null };
  }
  const data = (error.data ?? {}) as ErrorData;
  const code = data.code ?? null;
  const details = data.details ?? null;
  const duplicateOfId = typeof details?.duplicateOfId === 'string' && details.duplicateOfId ? details.duplicateOfId : null;
  if (code === 'UNAUTHORIZED') {
    return { code, issues: [{ path: null, message: 'Your session has ended. Sign in again to continue.' }], details, duplicateOfId };
  }
  if (data.fieldErrors && Object.keys(data.fieldErrors).length > 0) {
    const issues = Object.entries(data.fieldErrors).map(([path, message]) => ({ path: path || null, message }));
    return { code, issues, details, duplicateOfId };
  }
  const match = /^([A-Za-z][\w.]*): ([\s\S]*)$/.exec(error.message);
  const issue = match ? { path: match[1] ?? null, message: capitalise(match[2] ?? '') } : { path: null, message: error.message };
  return { code, issues: [issue], details, duplicateOfId };
}

/** The first segment of a dotted path: "sources.0.excerpt" → "sources". */
export function topField(path: string): string {
  return path.split('.')[0] ?? '';
}

export function toFormErrors(error: unknown, formFields: readonly string[] = []): FormErrors {
  const { code, issues, details, duplicateOfId } = readServerError(error);
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const { path, message } of issues) {
    const field = path === null ? null : topField(path);
    if (field !== null && formFields.includes(field)) fields[field] ??= message;
    // A message the server prefixed with a path the form does not show keeps its (capitalised) text for the banner.
    else others.push(message);
  }
  return { fields, banner: others.length ? others.join(' ') : null, code, duplicateOfId, details };
}

/**
 * True for an optimistic-concurrency refusal (someone else saved first), as opposed to a duplicate: a version
 * conflict is a CONFLICT without details (a duplicate carries its `duplicateOfId` / `duplicates`) or field errors.
 */
export function isVersionConflict(errors: Pick<FormErrors, 'code' | 'duplicateOfId' | 'details' | 'fields'>): boolean {
  return errors.code === 'CONFLICT' && errors.duplicateOfId === null && errors.details === null && Object.keys(errors.fields).length === 0;
}

/** The message of any error, for banners outside forms. */
export function errorMessage(error: unknown): string {
  const { fields, banner } = toFormErrors(error);
  return banner ?? Object.values(fields)[0] ?? 'Something went wrong.';
}
