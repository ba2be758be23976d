import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

interface Toast {
  id: number;
  type: 'success' | 'error';
  text: string;
}
interface Toasts {
  success: (text: string) => void;
  error: (text: string) => void;
}

const ToastContext = createContext<Toasts | null>(null);

/** Short confirmations ("已补充") in a live region at the top of the screen, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const push = useCallback((type: Toast['type'], text: string) => {
    const id = ++next.current;
    setToasts((all) => [...all, { id, type, text }]);
    // Errors stay longer: they usually ask the person to do something.
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), type === 'error' ? 8000 : 4000);
  }, []);
  const value = useMemo<Toasts>(() => ({ success: (t) => push('success', t), error: (t) => push('error', t) }), [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="ui-toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`ui-toast ui-toast-${t.type}`}>
            <span aria-hidden="true">{t.type === 'success' ? '✓ ' : '✕ '}</span>
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToast outside ToastProvider');
  return toasts;
}
