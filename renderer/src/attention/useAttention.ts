import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/context';

export type AttentionScope = 'mine' | 'centre';

/** The needs-attention list; under ['cases'] so every case change event refreshes it. */
export function useAttention(scope: AttentionScope) {
  const api = useApi();
  return useQuery({ queryKey: ['cases', 'attention', scope], queryFn: () => api.call('cases.attention', { scope }) });
}
