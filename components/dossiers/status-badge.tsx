import type { DossierStatus } from '@/server/dossiers/schema';

const styles: Record<DossierStatus, string> = {
  draft: 'bg-stone-100 text-stone-700 ring-stone-300',
  published: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
};

export function StatusBadge({ status }: { status: DossierStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${styles[status]}`}>
      {status === 'published' ? 'Published' : 'Draft'}
    </span>
  );
}
