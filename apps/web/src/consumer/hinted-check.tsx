import type { ComponentProps, ReactNode } from 'react';
import { useId } from 'react';
import { Checkbox } from '../ui';
import './hinted-check.css';

/** A consent check box with what ticking it means underneath, read with it (aria-describedby). */
export function HintedCheck({ hint, className, ...box }: ComponentProps<typeof Checkbox> & { hint: ReactNode }) {
  const hintId = `${useId().replace(/:/g, '')}-hint`;
  return (
    <div className={['hinted-check', className].filter(Boolean).join(' ')}>
      <Checkbox {...box} aria-describedby={hintId} />
      <p className="ui-hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}
