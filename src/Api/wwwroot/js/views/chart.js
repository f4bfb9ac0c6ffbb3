// The monthly bar chart of the quarter report, as inline SVG; each regime's report chooses what a bar measures.
import { svg, monthName } from '../dom.js';

/**
 * Bars of one figure per month, scaled to the largest; the table beside it carries the same figures as text.
 * `value` picks the figure from a month, `format` writes it, `name` says what it is (in the chart's accessible name).
 */
export function liabilityChart(months, title, { value, format, name }) {
  const width = 480;
  const height = 220;
  const pad = { top: 24, right: 12, bottom: 32, left: 12 };
  const max = Math.max(...months.map(m => value(m)), 0);
  const slot = (width - pad.left - pad.right) / months.length;
  const barWidth = slot * 0.6;
  const plot = height - pad.top - pad.bottom;
  const description = months.map(m => `${monthName(m.month)} ${format(value(m))}`).join(', ');
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${name} by month, ${title}: ${description}` },
    svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: 'axis' }),
    months.map((m, i) => {
      const barHeight = max > 0 ? (value(m) / max) * plot : 0;
      const x = pad.left + i * slot + (slot - barWidth) / 2;
      const y = height - pad.bottom - barHeight;
      return svg('g', { class: 'bar' },
        svg('rect', { x, y, width: barWidth, height: barHeight, rx: 3 }, svg('title', {}, `${monthName(m.month)}: ${format(value(m))}`)),
        svg('text', { x: x + barWidth / 2, y: Math.max(y - 6, 12), class: 'value', 'text-anchor': 'middle' }, format(value(m))),
        svg('text', { x: x + barWidth / 2, y: height - pad.bottom + 20, class: 'label', 'text-anchor': 'middle' }, monthName(m.month)));
    }));
}
