// QR codes two ways: GS ( k lets the printer draw the symbol itself (Epson model 2); printers
// without it get the same symbol as a raster image (GS v 0) drawn from the qrcode module's matrix.
import QRCode from 'qrcode';

export interface QrOptions {
  /** Dots per module: 3..8 keeps a 40-character URL within 58 mm paper. */
  moduleSize: number;
  ecc: 'L' | 'M' | 'Q' | 'H';
}

const GS = 0x1d;

/** GS ( k pL pH cn fn [params]: cn = 49 selects the QR function group. */
function gsk(fn: number, params: Buffer | number[]): Buffer {
  const body = Buffer.from(params);
  const len = body.length + 2;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, fn]), body]);
}

export function qrNative(data: string, o: QrOptions): Buffer {
  const payload = Buffer.from(data, 'utf8');
  return Buffer.concat([
    gsk(65, [50, 0]), // model 2
    gsk(67, [Math.min(16, Math.max(1, o.moduleSize))]),
    gsk(69, [48 + 'LMQH'.indexOf(o.ecc)]),
    gsk(80, Buffer.concat([Buffer.from([0x30]), payload])), // store
    gsk(81, [0x30]), // print
  ]);
}

/** GS v 0 m xL xH yL yH data: one bit per dot, most significant bit leftmost, 1 = black. */
export function qrRaster(data: string, o: QrOptions): Buffer {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: o.ecc });
  const quiet = 4;
  const n = modules.size + quiet * 2;
  const dots = n * o.moduleSize;
  const rowBytes = Math.ceil(dots / 8);
  const image = Buffer.alloc(rowBytes * dots);
  for (let y = 0; y < dots; y++) {
    const my = Math.floor(y / o.moduleSize) - quiet;
    for (let x = 0; x < dots; x++) {
      const mx = Math.floor(x / o.moduleSize) - quiet;
      const black = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx);
      if (black) image[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.from([GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, dots & 0xff, dots >> 8]);
  return Buffer.concat([header, image]);
}
