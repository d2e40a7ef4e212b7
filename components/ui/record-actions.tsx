'use client';

import { Button } from '@/components/ui/primitives';

/**
 * The editor's buttons on a desk record's page (a claim, a reaction, an actor): Restore while the record is deleted,
 * otherwise `children` (Edit, Delete and the like).
 */
export function RecordActions({
  deleted,
  onRestore,
  restoreDisabled,
  children,
}: {
  deleted: boolean;
  onRestore: () => void;
  /** While the restore runs, or when the record cannot come back (an actor merged into another). */
  restoreDisabled: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {deleted ? (
        <Button variant="secondary" disabled={restoreDisabled} onClick={onRestore}>
          Restore
        </Button>
      ) : (
        children
      )}
    </div>
  );
}
