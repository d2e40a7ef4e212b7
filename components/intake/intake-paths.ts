/** The desk address of a dossier's article intake. */
export const intakePath = (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}/intake`;
