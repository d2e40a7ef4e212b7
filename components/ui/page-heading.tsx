import Link from 'next/link';
import { deskPaths } from '@/components/ui/links';

/** A page title with a way back up, the same on every desk page. */
export function PageHeading({
  title,
  back,
  children,
}: {
  title: string;
  back?: { href: string; label: string };
  children?: React.ReactNode;
}) {
  return (
    <div className="mb-6">
      {back ? (
        <nav aria-label="Breadcrumb" className="mb-2 text-sm">
          <Link href={back.href} className="text-stone-600 underline-offset-4 hover:underline">
            ← {back.label}
          </Link>
        </nav>
      ) : null}
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
      {children ? <div className="mt-1 text-sm text-stone-600">{children}</div> : null}
    </div>
  );
}

/** The ways back up from a dossier's record page: the dossier, then the record's list ("← Claims"). */
export function DossierBreadcrumb({ dossier, list }: { dossier: { slug: string; title: string }; list: { href: string; label: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 flex flex-wrap gap-x-3 text-sm">
      <Link href={deskPaths.dossier(dossier.slug)} className="text-stone-600 underline-offset-4 hover:underline">
        ← {dossier.title}
      </Link>
      <Link href={list.href} className="text-stone-600 underline-offset-4 hover:underline">
        ← {list.label}
      </Link>
    </nav>
  );
}
