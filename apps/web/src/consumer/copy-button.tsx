import { useLang } from '../lib/i18n';
import { Button, useToast } from '../ui';
import './numbers.css';

/** Copies a number the consumer must keep; says whether it worked (the clipboard may be refused on an old phone). */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useLang();
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t(`已复制${what}`, `${what} copied`));
    } catch {
      toast.error(t('无法复制，请手动记下或截图', 'Could not copy: write it down or take a screenshot'));
    }
  };
  return (
    <Button
      size="large"
      className="copy-button"
      onClick={() => void copy()}
      aria-label={t(`复制${what}`, `Copy the ${what.toLowerCase()}`)}
    >
      {t('复制', 'Copy')}
    </Button>
  );
}
