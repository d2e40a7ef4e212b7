/** Desk addresses of a dossier's claims. */
const base = (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}/claims`;

export const claimPaths = {
  list: base,
  new: (slug: string) => `${base(slug)}/new`,
  /** The new-claim form prefilled as a counterclaim of `claimId`. */
  newCounterclaim: (slug: string, claimId: string) => `${base(slug)}/new?counters=${encodeURIComponent(claimId)}`,
  claim: (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`,
  edit: (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}/edit`,
  exportCsv: (slug: string, query: string) => `/api/export/${encodeURIComponent(slug)}/claims.csv${query ? `?${query}` : ''}`,
};
