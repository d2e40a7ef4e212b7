/** Desk roles, in rising order of rights. No Drizzle: browser components and schema.ts both read it. */
export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];
