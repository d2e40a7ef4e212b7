/** Desk addresses of the actor directory. */
export const actorPaths = {
  list: '/desk/actors',
  new: '/desk/actors/new',
  actor: (id: string) => `/desk/actors/${encodeURIComponent(id)}`,
  edit: (id: string) => `/desk/actors/${encodeURIComponent(id)}/edit`,
};
