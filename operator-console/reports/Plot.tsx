// A uPlot chart that fills its box's width and follows it when the window (or the print page)
// changes size. uPlot is imported here only, so it lands in the reports' bundle alone.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function Plot({ opts, data, height = 220, label }: { opts: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current!;
    const width = () => Math.max(200, Math.floor(el.clientWidth));
    const u = new uPlot({ ...opts, width: width(), height } as uPlot.Options, data, el);
    const ro = new ResizeObserver(() => { if (Math.abs(u.width - width()) > 1) u.setSize({ width: width(), height }); });
    ro.observe(el);
    return () => { ro.disconnect(); u.destroy(); };
  }, [opts, data, height]);
  return <div class="plot" ref={box} role="img" aria-label={label} />;
}

export { uPlot };
export const bars = (align: -1 | 0 | 1, factor = 0.8) => uPlot.paths.bars!({ align, size: [factor, 48], gap: 1 });
