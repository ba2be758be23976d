import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { createContext, useContext, useId } from 'react';

/** What a control inside a Field takes from it: its id, and the ids of its hint and error. */
interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}
const FieldContext = createContext<FieldIds | null>(null);

/** The id, aria-describedby and aria-invalid a control needs to be read with its label, hint and error. */
function useControlProps(own?: string) {
  const field = useContext(FieldContext);
  return {
    id: own ?? field?.id,
    'aria-describedby': field?.describedBy,
    'aria-invalid': field?.invalid || undefined,
  };
}

export interface FieldProps {
  label: ReactNode;
  /** Help under the label, read with the control. */
  hint?: ReactNode;
  /** The problem with what was entered: shown in red under the control and read with it. */
  error?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
  /** A stable id for the control (e.g. for tests or an anchor); one is made otherwise. */
  id?: string;
  'data-testid'?: string;
}

/**
 * One question on a form: its label bound to the control, a hint and the error read with it by a
 * screen reader, a required mark. The controls below (TextInput, TextArea, Select, DateInput) pick
 * up the ids by themselves.
 */
export function Field({ label, hint, error, required, children, className, id, ...rest }: FieldProps) {
  const made = useId();
  const controlId = id ?? `f${made.replace(/:/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error && 'ui-field-invalid', className].filter(Boolean).join(' ')} data-testid={rest['data-testid']}>
      <label className="ui-label" htmlFor={controlId}>
        {label}
        {required && (
          <span className="ui-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p className="ui-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldContext.Provider value={{ id: controlId, describedBy, invalid: !!error }}>{children}</FieldContext.Provider>
      {error && (
        <p className="ui-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of choices (radio buttons, check boxes) under one question: a fieldset and its legend. */
export function FieldSet({
  legend,
  hint,
  error,
  required,
  children,
  className,
  ...rest
}: Omit<FieldProps, 'label' | 'id'> & { legend: ReactNode }) {
  const made = useId().replace(/:/g, '');
  const hintId = hint ? `g${made}-hint` : undefined;
  const errorId = error ? `g${made}-error` : undefined;
  return (
    <fieldset
      className={['ui-field', 'ui-fieldset', error && 'ui-field-invalid', className].filter(Boolean).join(' ')}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      data-testid={rest['data-testid']}
    >
      <legend className="ui-label">
        {legend}
        {required && (
          <span className="ui-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {hint && (
        <p className="ui-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="ui-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function TextInput({ className, id, ...rest }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input type="text" {...useControlProps(id)} {...rest} className={['ui-input', className].filter(Boolean).join(' ')} />;
}

/** A date on the phone's own date picker (large targets, the phone's language); `max` keeps the future out. */
export function DateInput({ className, id, ...rest }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input type="date" {...useControlProps(id)} {...rest} className={['ui-input', 'ui-date', className].filter(Boolean).join(' ')} />;
}

/** A text area; with `count` the characters used out of maxLength are shown and read politely. */
export function TextArea({
  className,
  id,
  count,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement>; count?: number }) {
  const control = useControlProps(id);
  return (
    <div className="ui-textarea-wrap">
      <textarea {...control} {...rest} className={['ui-input', 'ui-textarea', className].filter(Boolean).join(' ')} />
      {count !== undefined && rest.maxLength !== undefined && (
        <span className="ui-count" aria-hidden="true">
          {count} / {rest.maxLength}
        </span>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  label: string;
  options: Option[];
}

/** The phone's own list picker. `placeholder` is a first, empty choice. */
export function Select({
  className,
  id,
  options,
  placeholder,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement>; options: (Option | OptionGroup)[]; placeholder?: string }) {
  return (
    <select {...useControlProps(id)} {...rest} className={['ui-input', 'ui-select', className].filter(Boolean).join(' ')}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) =>
        'options' in o ? (
          <optgroup key={o.label} label={o.label}>
            {o.options.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </optgroup>
        ) : (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ),
      )}
    </select>
  );
}

/** A check box with its label beside it (the whole line is the tap target). */
export function Checkbox({
  children,
  className,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: Ref<HTMLInputElement>; children: ReactNode }) {
  return (
    <label className={['ui-check', className].filter(Boolean).join(' ')}>
      <input type="checkbox" {...rest} />
      <span>{children}</span>
    </label>
  );
}

/** An on/off question: a check box that reads and looks as a switch. */
export function Switch({
  children,
  className,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role'> & { ref?: Ref<HTMLInputElement>; children: ReactNode }) {
  return (
    <label className={['ui-check', 'ui-switch', className].filter(Boolean).join(' ')}>
      <span>{children}</span>
      <input type="checkbox" role="switch" {...rest} />
    </label>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  /** A line or two under the label (card choices). */
  description?: ReactNode;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * One of a few choices, as radio buttons: stacked cards with an explanation each ("cards"), or a row
 * of segments ("buttons"). Controlled: `value` and `onChange`.
 */
export function RadioGroup<V extends string>({
  name,
  value,
  onChange,
  choices,
  look = 'cards',
  className,
}: {
  name: string;
  value: V | undefined;
  onChange: (value: V) => void;
  choices: Choice<V>[];
  look?: 'cards' | 'buttons';
  className?: string;
}) {
  return (
    <div className={['ui-radios', `ui-radios-${look}`, className].filter(Boolean).join(' ')}>
      {choices.map((c) => (
        <label
          key={c.value}
          className={['ui-radio', value === c.value && 'ui-radio-checked', c.disabled && 'ui-radio-disabled'].filter(Boolean).join(' ')}
          data-testid={c['data-testid']}
        >
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={value === c.value}
            disabled={c.disabled}
            onChange={() => onChange(c.value)}
          />
          <span className="ui-radio-text">
            <span className="ui-radio-label">{c.label}</span>
            {c.description && <span className="ui-radio-description">{c.description}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
