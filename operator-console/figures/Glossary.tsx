// The definitions of every figure, a tap away from any table of them (contract, "Definitions").
// A native modal dialog: Esc closes it and the focus stays inside while it is open.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './strings';

const KEYS = ['defBucket', 'defIssued', 'defServed', 'defWait', 'defPercentiles', 'defTarget', 'defService', 'defOperator', 'defUtilisation', 'defUnits'] as const;

export function Glossary({ tz }: { tz: string }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => { if (open) dialog.current?.showModal(); }, [open]);
  return (
    <>
      <button type="button" class="link-button" data-testid="glossary-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span class="info-icon" aria-hidden="true">i</span>{t('glossary')}
      </button>
      {open && (
        <dialog ref={dialog} class="glossary" aria-labelledby="glossary-title" data-testid="glossary" onClose={() => setOpen(false)}
          onClick={(e) => { if (e.target === e.currentTarget) dialog.current?.close(); }}>
          <h2 id="glossary-title">{t('glossary')}</h2>
          <ul class="glossary-list">{KEYS.map((k) => <li key={k}>{t(k, { tz })}</li>)}</ul>
          <button type="button" class="plain cancel" onClick={() => dialog.current?.close()}>{t('glossaryClose')}</button>
        </dialog>
      )}
    </>
  );
}
