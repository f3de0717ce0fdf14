import { sparkline } from '../../lib/booking/history';
import type { CheckResult } from '../../lib/booking/runner';
import { severityOf } from '../../lib/booking/status';
import { HISTORY_LIMIT } from '../../lib/booking/history';
import { useI18n } from '../i18n';
import { sparkLabel } from './model';

const BAR = 4;
const GAP = 1;
const HEIGHT = 18;

/**
 * The last checks as small bars (oldest left): full height = works, half = partly, a stub = failed, a dot = the
 * check said nothing about booking. An image for assistive technology, with the counts as its name.
 */
export function Sparkline({ results }: { results: readonly CheckResult[] }) {
  const { t } = useI18n();
  const label = sparkLabel(results, t);
  const points = sparkline(results.slice(-HISTORY_LIMIT));
  const width = HISTORY_LIMIT * (BAR + GAP);
  return (
    <svg class="bk-spark" role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
      <title>{label}</title>
      <line x1="0" y1={HEIGHT - 0.5} x2={width} y2={HEIGHT - 0.5} class="bk-spark-base" />
      {points.map((p, i) => {
        const x = (HISTORY_LIMIT - points.length + i) * (BAR + GAP);
        const tone = `t-${severityOf(p.status)}`;
        if (p.value === null) return <circle key={p.at} class={`bk-spark-dot ${tone}`} cx={x + BAR / 2} cy={HEIGHT - 3} r={1.5} />;
        const h = Math.max(3, Math.round(p.value * (HEIGHT - 2)));
        return <rect key={p.at} class={`bk-spark-bar ${tone}`} x={x} y={HEIGHT - h} width={BAR} height={h} rx={1} />;
      })}
    </svg>
  );
}
