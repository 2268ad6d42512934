// The definitions of every figure, a tap away from any table of them (contract, "Definitions").
import { useState } from 'preact/hooks';
import { t } from './strings';

const KEYS = ['defBucket', 'defIssued', 'defServed', 'defWait', 'defPercentiles', 'defTarget', 'defService', 'defOperator', 'defUtilisation', 'defUnits'] as const;

export function GlossaryText({ tz }: { tz: string }) {
  return <ul class="glossary-list">{KEYS.map((k) => <li key={k}>{t(k, { tz })}</li>)}</ul>;
}

export function Glossary({ tz }: { tz: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class="link-button" data-testid="glossary-open" aria-expanded={open} onClick={() => setOpen(!open)}><span class="info-icon" aria-hidden="true">i</span>{t('glossary')}</button>
      {open && (
        <div class="overlay" onClick={(e) => { if (e.target === e.currentTarget) setOpen(false); }} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          <div class="dialog glossary" role="dialog" aria-modal="true" aria-labelledby="glossary-title" data-testid="glossary">
            <h2 id="glossary-title">{t('glossary')}</h2>
            <GlossaryText tz={tz} />
            <button type="button" class="plain cancel" autofocus onClick={() => setOpen(false)}>{t('glossaryClose')}</button>
          </div>
        </div>
      )}
    </>
  );
}
