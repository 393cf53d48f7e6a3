import { QueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from '../../../shared/events';

/**
 * One cache per signed-in session (App makes a new one at each sign-in, so
 * nothing one user loaded is ever shown to the next). Data is refreshed by
 * the host's change events rather than by polling.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
}

/** The issued documents of a case (documents.list). */
export const documentsKey = (caseId: number) => ['documents', 'case', caseId] as const;

/** Which cached answers a change event makes stale. */
export function invalidateFor(client: QueryClient, event: ChangeEvent): void {
  switch (event.entity) {
    case 'case':
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['interviews'] });
      void client.invalidateQueries({ queryKey: ['recordings'] });
      void client.invalidateQueries({ queryKey: ['audit'] });
      // A case's team decides which meetings and action items one sees.
      void client.invalidateQueries({ queryKey: ['meetings'] });
      // A document issued on another workstation is announced as a change to its case.
      void client.invalidateQueries({ queryKey: ['documents'] });
      break;
    case 'meeting':
      void client.invalidateQueries({ queryKey: ['meetings'] });
      // Meetings write into the case timeline and the needs-attention list.
      void client.invalidateQueries({ queryKey: ['cases'] });
      break;
    case 'user':
      void client.invalidateQueries({ queryKey: ['users'] });
      void client.invalidateQueries({ queryKey: ['account'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      break;
    case 'policy':
      void client.invalidateQueries({ queryKey: ['security'] });
      void client.invalidateQueries({ queryKey: ['account'] });
      break;
    case 'centre':
      void client.invalidateQueries({ queryKey: ['centre'] });
      break;
    case 'schedule':
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['interviews'] });
      break;
    case 'resources':
      void client.invalidateQueries({ queryKey: ['resources'] });
      void client.invalidateQueries({ queryKey: ['calendar'] });
      break;
    case 'backup':
      void client.invalidateQueries({ queryKey: ['backups'] });
      break;
  }
}
