/**
 * The confirmation the dossier page shows once after an accepted intake: kept for this tab only (sessionStorage), so
 * a reload or another editor's tab shows nothing, and nothing about the records travels in the address.
 */
const key = (dossierId: string) => `claimdesk:intake-accepted:${dossierId}`;

export function rememberAccepted(dossierId: string, message: string): void {
  try {
    window.sessionStorage.setItem(key(dossierId), message);
  } catch {
    // Storage refused (private mode, quota): the records are created all the same; only the notice is lost.
  }
}

/** The message, removed as it is read. */
export function takeAccepted(dossierId: string): string | null {
  try {
    const message = window.sessionStorage.getItem(key(dossierId));
    if (message !== null) window.sessionStorage.removeItem(key(dossierId));
    return message;
  } catch {
    return null;
  }
}
