import { describe, expect, it } from 'vitest';
import { createDossierInput } from '@/server/dossiers/dossiers.input';
import { createSourceInput } from '@/server/sources/sources.input';

const dossierId = '0b7a6c1e-0000-4000-8000-000000000001';

describe('optional fields', () => {
  it('may be left out of an API call entirely, meaning "none"', () => {
    expect(createSourceInput.parse({ dossierId, title: 'Briefing by phone', kind: 'interview', reliability: 'C' })).toMatchObject({
      url: null,
      archiveUrl: null,
      publishedAt: null,
      retrievedAt: null,
      outlet: '',
      internalNotes: '',
    });
    expect(createDossierInput.parse({ title: 'Story', slug: 'story' })).toMatchObject({ eventsStartOn: null, eventsEndOn: null, summary: '' });
  });

  it('treat blank form fields as none, but still reject malformed values', () => {
    expect(createSourceInput.parse({ dossierId, title: 'T', kind: 'other', reliability: 'F', url: '', publishedAt: '' })).toMatchObject({ url: null, publishedAt: null });
    expect(createSourceInput.safeParse({ dossierId, title: 'T', kind: 'other', reliability: 'F', url: 'example.com' }).success).toBe(false);
  });
});
