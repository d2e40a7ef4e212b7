// Every table, enum and relation, exported from one entry for drizzle-kit and the query builder.
export * from '../users/schema';
export * from '../dossiers/schema';
export * from '../sources/schema';
export * from '../audit/schema';
export * from '../actors/schema';
export * from '../claims/schema';
export * from '../reactions/schema';
export * from '../watch-lists/schema';
export * from '../intake/schema';
