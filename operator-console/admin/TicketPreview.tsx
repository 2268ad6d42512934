// A ticket as the printer will print it: the server decodes the printer's own bytes (its code
// page, QR mode and width) into lines and images, and this draws them on a strip of paper.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Qr } from '../../ui/Qr';
import { staff } from '../shell/session';
import { refusal } from './form';
import { t } from './strings';
import type { PreviewBlock, TicketPreview as Preview } from './types';

/** A raster image (GS v 0): one bit a dot, most significant bit leftmost. */
function Raster({ block }: { block: Extract<PreviewBlock, { kind: 'raster' }> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current!;
    const bytes = Uint8Array.from(atob(block.data), (ch) => ch.charCodeAt(0));
    const w = block.widthBytes * 8;
    c.width = w; c.height = block.height;
    const g = c.getContext('2d')!;
    const img = g.createImageData(w, block.height);
    for (let y = 0; y < block.height; y++) for (let x = 0; x < w; x++) {
      const on = bytes[y * block.widthBytes + (x >> 3)] & (0x80 >> (x & 7));
      const i = (y * w + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = on ? 0 : 255; img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
  }, [block.data]);
  return <canvas ref={ref} class="raster" />;
}

export function PaperTicket({ preview }: { preview: Preview }) {
  return (
    <div class="paper" style={{ width: `${preview.width + 2}ch` }} data-testid="ticket-preview">
      {preview.blocks.map((b, i) => {
        if (b.kind === 'qr') return <div key={i} class="paper-image"><Qr text={b.data} label={b.data} /></div>;
        if (b.kind === 'raster') return <div key={i} class="paper-image"><Raster block={b} /></div>;
        return (
          // A character is `width` columns wide and `height` lines high (GS !): the font grows by
          // the width, the line box by the height, and the glyphs are stretched to fill it.
          <div key={i} class={`paper-line a${b.align}${b.bold ? ' bold' : ''}`} style={{ fontSize: `${b.width}em`, lineHeight: `${(1.2 * b.height) / b.width}` }}>
            <span style={{ display: 'inline-block', transform: b.width !== b.height ? `scaleY(${b.height / b.width})` : undefined }}>{b.text || '\u00a0'}</span>
          </div>
        );
      })}
      <div class="paper-cut" aria-hidden="true" />
    </div>
  );
}

/** Fetches the preview for `body` (debounced: it follows a form as it is typed). */
export function TicketPreviewOf({ body }: { body: Record<string, unknown> }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(body);
  useEffect(() => {
    let gone = false;
    const timer = setTimeout(() => {
      staff<Preview>('POST', '/api/admin/ticket-preview', body).then((p) => { if (!gone) { setPreview(p); setError(null); } }, (e) => { if (!gone) setError(refusal(e).text); });
    }, 250);
    return () => { gone = true; clearTimeout(timer); };
  }, [key]);
  if (error) return <p class="form-error" role="alert">{error}</p>;
  return preview ? <PaperTicket preview={preview} /> : <p class="muted">{t('loading')}</p>;
}
