import { redirect } from 'next/navigation';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

/**
 * Without `?by=<entity id>` (whose pages are ./q/[query], where proxy.ts sends them) there is no one entity to
 * show: the dossier page's reactions section.
 */
export default async function ReactionsPage({ params }: Props) {
  redirect(`/d/${encodeURIComponent((await params).slug)}#reactions`);
}
