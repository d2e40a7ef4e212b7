import type { CsvColumn } from '@/server/csv/csv';
import type { Source } from './schema';
import { toPublicSource, type PublicSource } from './sources.service';

/** Columns of the public export: what a reader may see, nothing more. */
export const publicSourceColumns: ReadonlyArray<CsvColumn<PublicSource>> = [
  { header: 'title', value: (row) => row.title },
  { header: 'outlet', value: (row) => row.outlet },
  { header: 'author', value: (row) => row.author },
  { header: 'kind', value: (row) => row.kind },
  { header: 'language', value: (row) => row.language },
  { header: 'published_at', value: (row) => row.publishedAt },
  { header: 'reliability', value: (row) => row.reliability },
  { header: 'url', value: (row) => row.url },
  { header: 'archive_url', value: (row) => row.archiveUrl },
];

/** Columns of the desk export: every field, internal notes included. */
export const deskSourceColumns: ReadonlyArray<CsvColumn<Source>> = [
  { header: 'id', value: (row) => row.id },
  ...publicSourceColumns.map((column) => ({ header: column.header, value: (row: Source) => column.value(toPublicSource(row)) })),
  { header: 'retrieved_at', value: (row) => row.retrievedAt },
  { header: 'internal_notes', value: (row) => row.internalNotes },
  { header: 'created_at', value: (row) => row.createdAt },
  { header: 'updated_at', value: (row) => row.updatedAt },
  { header: 'version', value: (row) => row.version },
  { header: 'deleted_at', value: (row) => row.deletedAt },
];

export async function* publicRows(rows: AsyncIterable<Source>): AsyncGenerator<PublicSource> {
  for await (const row of rows) yield toPublicSource(row);
}
