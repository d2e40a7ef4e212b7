/** Desk addresses of a dossier's reactions. */
const base = (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}/reactions`;

export const reactionPaths = {
  list: base,
  /** The list page opened on its timeline view. */
  timeline: (slug: string) => `${base(slug)}?view=timeline`,
  new: (slug: string) => `${base(slug)}/new`,
  reaction: (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`,
  edit: (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}/edit`,
  exportCsv: (slug: string, query: string) => `/api/export/${encodeURIComponent(slug)}/reactions.csv${query ? `?${query}` : ''}`,
};
