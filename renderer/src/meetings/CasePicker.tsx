import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../shared/contract/methods/cases';
import { useApi } from '../api/context';
import { useDebounced } from '../components/useDebounced';

export interface PickedCase {
  caseId: number;
  reference: string;
  childName: string;
}

/** Finds a case to put on the agenda by the child's name (any script) or its reference, the way the case list searches. */
export function CasePicker({ exclude, onPick }: { exclude: readonly number[]; onPick: (picked: PickedCase) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: ['cases', 'list', 'meeting-picker', query],
    queryFn: () => api.call('cases.list', { query, limit: 20, sort: 'received', direction: 'desc' }),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).filter((c) => c.accessible && c.childName !== null && !exclude.includes(c.id));
  return (
    <Autocomplete<CaseListItem>
      options={options}
      value={null}
      inputValue={text}
      onInputChange={(_e, value, reason) => {
        if (reason !== 'reset') setText(value);
      }}
      onChange={(_e, c) => {
        if (!c) return;
        onPick({ caseId: c.id, reference: c.reference, childName: c.childName ?? '' });
        setText('');
      }}
      // The host already matched the words; filtering again would drop matches in another script.
      filterOptions={(x) => x}
      getOptionLabel={(c) => `${c.reference} · ${c.childName ?? ''}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={found.isFetching}
      noOptionsText={t('meetings.noCaseFound')}
      renderInput={(params) => <TextField {...params} label={t('meetings.findCase')} margin="normal" />}
    />
  );
}
