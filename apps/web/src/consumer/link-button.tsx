import type { ComponentProps } from 'react';
import { Link } from 'react-router';

/**
 * A link that looks like the kit's button: going somewhere is a link (never a button inside a link,
 * which a screen reader announces twice and axe refuses).
 */
export function LinkButton({
  variant = 'default',
  block,
  className,
  ...rest
}: ComponentProps<typeof Link> & { variant?: 'primary' | 'default'; block?: boolean }) {
  const classes = ['ui-button', `ui-button-${variant}`, 'ui-button-large', block && 'ui-button-block', className].filter(Boolean).join(' ');
  return <Link {...rest} className={classes} />;
}
