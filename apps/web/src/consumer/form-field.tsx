import type { ComponentProps } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { Field } from '../ui';
import type { FieldName, FormValues } from './file-form';
import { fieldId } from './file-form';

/**
 * A question of the filing form: the kit's Field (label bound, hint and error read with the control)
 * with the id and the error of the form field `name`, whether this page's checks found it or the API's.
 */
export function FormField({ name, ...rest }: Omit<ComponentProps<typeof Field>, 'id' | 'error'> & { name: FieldName }) {
  const { getFieldState } = useFormContext<FormValues>();
  const { error } = getFieldState(name, useFormState<FormValues>({ name }));
  return <Field {...rest} id={fieldId(name)} error={error?.message} />;
}
