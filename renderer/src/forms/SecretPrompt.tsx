import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormError, SubmitButton } from './FormFeedback';
import { FormTextField } from './FormTextField';

const schema = z.object({ secret: z.string().min(1).max(256) });

/** One password or passphrase, one button: the lock screen and the workstation unlock. */
export function SecretPrompt({
  label,
  submitLabel,
  submit,
  describe,
}: {
  label: string;
  submitLabel: string;
  submit: (secret: string) => Promise<void>;
  describe: (error: unknown) => string;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { secret: '' } });
  const onSubmit = form.handleSubmit(async ({ secret }) => {
    setFailure(null);
    try {
      await submit(secret);
    } catch (error) {
      form.setValue('secret', '');
      setFailure(describe(error));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormTextField control={form.control} name="secret" type="password" label={label} autoComplete="current-password" autoFocus />
      <FormError message={failure} />
      <SubmitButton submitting={form.formState.isSubmitting} wide>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
