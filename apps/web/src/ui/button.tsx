import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'default' | 'danger' | 'link';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** As wide as its container (a phone's main action). */
  block?: boolean;
  size?: 'small' | 'middle' | 'large';
  /** Shows a spinner and refuses clicks while the action runs. */
  loading?: boolean;
}

/** A button. `type` defaults to "button": only the one meant to send a form says "submit". */
export function Button({
  variant = 'default',
  block,
  size = 'middle',
  loading,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['ui-button', `ui-button-${variant}`, `ui-button-${size}`, block && 'ui-button-block', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading && <span className="ui-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
