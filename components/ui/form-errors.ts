import { TRPCClientError } from '@trpc/client';

/**
 * Turns a tRPC error into what a form shows: messages for its own fields (inline, without the "field: " prefix)
 * and anything else for an ErrorBanner. The server names the field in both zod errors (data.fieldErrors) and
 * service refusals ("url: this document is already logged …").
 */
export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
  /** tRPC error code, e.g. CONFLICT. */
  code: string | null;
  /** Set when the server refused a duplicate source. */
  duplicateOfId: string | null;
}

export const noFormErrors: FormErrors = { fields: {}, banner: null, code: null, duplicateOfId: null };

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string> | null;
  details?: Record<string, unknown> | null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function toFormErrors(error: unknown, formFields: readonly string[] = []): FormErrors {
  if (!(error instanceof TRPCClientError)) {
    return { ...noFormErrors, banner: 'Something went wrong. Check your connection and try again.' };
  }
  const data = (error.data ?? {}) as ErrorData;
  const code = data.code ?? null;
  const duplicateOfId = typeof data.details?.duplicateOfId === 'string' && data.details.duplicateOfId ? data.details.duplicateOfId : null;
  if (code === 'UNAUTHORIZED') {
    return { ...noFormErrors, code, banner: 'Your session has ended. Sign in again to continue.' };
  }

  const fields: Record<string, string> = {};
  const others: string[] = [];
  if (data.fieldErrors && Object.keys(data.fieldErrors).length > 0) {
    for (const [path, message] of Object.entries(data.fieldErrors)) {
      const field = path.split('.')[0] ?? '';
      if (formFields.includes(field)) fields[field] ??= message;
      else others.push(message);
    }
  } else {
    const match = /^([A-Za-z][\w.]*): ([\s\S]*)$/.exec(error.message);
    const field = match?.[1]?.split('.')[0];
    if (match && field && formFields.includes(field)) fields[field] = capitalise(match[2] ?? '');
    else others.push(match ? capitalise(match[2] ?? '') : error.message);
  }
  return { fields, banner: others.length ? others.join(' ') : null, code, duplicateOfId };
}

/** True for an optimistic-concurrency refusal (someone else saved first), as opposed to a duplicate. */
export function isVersionConflict(errors: FormErrors): boolean {
  return errors.code === 'CONFLICT' && errors.duplicateOfId === null && Object.keys(errors.fields).length === 0;
}

/** The message of any error, for banners outside forms. */
export function errorMessage(error: unknown): string {
  const { fields, banner } = toFormErrors(error);
  return banner ?? Object.values(fields)[0] ?? 'Something went wrong.';
}
