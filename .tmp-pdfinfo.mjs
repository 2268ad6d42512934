import { PDFDocument, PDFName, PDFRawStream, PDFArray } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
const doc = await PDFDocument.load(readFileSync(process.argv[2]));
for (const p of doc.getPages()) {
  let c = p.node.get(PDFName.of('Contents'));
  c = doc.context.lookup(c);
  const streams = c instanceof PDFArray ? c.asArray().map((x) => doc.context.lookup(x)) : [c];
  let text = '';
  for (const s of streams) { const raw = s.getContents(); try { text += zlib.inflateSync(Buffer.from(raw)).toString('latin1'); } catch { text += Buffer.from(raw).toString('latin1'); } }
  console.log(p.getWidth(), p.getHeight(), text.length, (text.match(/Tj|TJ/g) ?? []).length, 're:', (text.match(/ re/g) ?? []).length);
}
