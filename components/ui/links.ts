/** Desk addresses in one place. Slugs and ids are URL-safe already; encodeURIComponent guards the odd case. */
export const deskPaths = {
  home: '/desk',
  newDossier: '/desk/dossiers/new',
  dossier: (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}`,
  editDossier: (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}/edit`,
  newSource: (slug: string) => `/desk/dossiers/${encodeURIComponent(slug)}/sources/new`,
  source: (slug: string, id: string) => `/desk/dossiers/${encodeURIComponent(slug)}/sources/${encodeURIComponent(id)}`,
  publicDossier: (slug: string) => `/d/${encodeURIComponent(slug)}`,
  exportSources: (slug: string, query: string) =>
    `/api/export/${encodeURIComponent(slug)}/sources.csv${query ? `?${query}` : ''}`,
};

export const linkStyle = 'text-blue-700 underline-offset-4 hover:underline';
export const buttonLinkStyle =
  'inline-flex items-center justify-center gap-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 transition hover:bg-stone-100';
export const primaryLinkStyle =
  'inline-flex items-center justify-center gap-1 rounded-md bg-ink px-3 py-1.5 text-sm font-medium text-white transition hover:bg-slate-800';
