// A QR code as one SVG path: sharp at any size, large enough to photograph from the screen (the
// kiosk's ticket, the console's ticket preview).
import qrcode from 'qrcode-generator';

export function Qr({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return (
    <svg class="qr" role="img" aria-label={label} data-qr={text} viewBox={`-4 -4 ${n + 8} ${n + 8}`} shape-rendering="crispEdges">
      <rect x="-4" y="-4" width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
