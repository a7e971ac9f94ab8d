import { useEffect, useId, useState } from 'preact/hooks';
import { Card, cx, LoadError, PageHeader, SelectField, Skeleton } from '../../components/ui';
import { api } from '../../lib/api';
import { formatMs, formatPercent, formatTime } from '../../lib/format';
import { useAsync, useInterval, useTitle } from '../../lib/hooks';
import type { Dashboard } from '../../lib/types';
import { MoneyFigures } from './MoneyFigures';

const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

type Point = Dashboard['paymentsPerMinute'][number];

/** The chart's width in CSS pixels, so the SVG is drawn at its real size (crisp, readable text). */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    if (!el) return;
    const update = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}

/** One point per minute of the window, zeros where nothing happened, oldest first. */
export function fillMinutes(points: Point[], minutes: number, now = Date.now()): Point[] {
  const byMinute = new Map<number, Point>();
  for (const p of points) {
    const t = Date.parse(p.minute);
    if (!Number.isNaN(t)) byMinute.set(Math.floor(t / 60_000), p);
  }
  const last = Math.floor(now / 60_000);
  const out: Point[] = [];
  for (let m = last - minutes + 1; m <= last; m++) {
    out.push(
      byMinute.get(m) ?? { minute: new Date(m * 60_000).toISOString(), count: 0, succeeded: 0, failed: 0 },
    );
  }
  return out;
}

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value) return candidate;
  }
  return 10 * magnitude;
}

function minuteLabel(minute: string): string {
  const t = formatTime(minute);
  return t.replace(/:\d\d(?=\s|$)/, '');
}

/** Stacked bars per minute: succeeded, failed, and still in flight. */
function PaymentsChart({ points, width: W }: { points: Point[]; width: number }) {
  const titleId = useId();
  const descId = useId();
  const max = niceMax(Math.max(1, ...points.map((p) => p.count)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(points.length, 1);
  const barW = Math.max(1, slot * 0.7);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const total = points.reduce((s, p) => s + p.count, 0);
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(W / 90))));
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>Payments per minute</title>
      <desc id={descId}>
        {total} payments over {points.length} minutes; the busiest minute had{' '}
        {Math.max(0, ...points.map((p) => p.count))}.
      </desc>
      {ticks.map((t) => (
        <g key={t}>
          <line class="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text class="chart-axis" x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
            {Number.isInteger(t) ? t : t.toFixed(1)}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        const other = Math.max(0, p.count - p.succeeded - p.failed);
        const hS = (p.succeeded / max) * innerH;
        const hF = (p.failed / max) * innerH;
        const hO = (other / max) * innerH;
        const base = PAD.top + innerH;
        return (
          <g key={p.minute}>
            <rect class="bar-success" x={x} width={barW} y={base - hS} height={hS} />
            <rect class="bar-failed" x={x} width={barW} y={base - hS - hF} height={hF} />
            <rect class="bar-other" x={x} width={barW} y={base - hS - hF - hO} height={hO} />
            {i % labelEvery === 0 && (
              <text class="chart-axis" x={x + barW / 2} y={H - 8} text-anchor="middle">
                {minuteLabel(p.minute)}
              </text>
            )}
          </g>
        );
      })}
      <line
        class="chart-baseline"
        x1={PAD.left}
        x2={W - PAD.right}
        y1={PAD.top + innerH}
        y2={PAD.top + innerH}
      />
    </svg>
  );
}

/** Success rate per minute (succeeded over finished) as a line. */
function SuccessChart({ points, width: W }: { points: Point[]; width: number }) {
  const titleId = useId();
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(points.length - 1, 1);
  const y = (rate: number) => PAD.top + innerH - rate * innerH;
  const coords = points
    .map((p, i) => {
      const finished = p.succeeded + p.failed;
      return finished > 0 ? ([PAD.left + i * slot, y(p.succeeded / finished)] as const) : null;
    })
    .filter((c): c is readonly [number, number] => c !== null);
  const path = coords.map(([x, yy], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${yy.toFixed(1)}`).join(' ');
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={titleId}>
      <title id={titleId}>Success rate per minute</title>
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line class="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text class="chart-axis" x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
            {t * 100}%
          </text>
        </g>
      ))}
      {path && <path class="line-success" d={path} />}
      {coords.map(([x, yy]) => (
        <circle key={`${x}`} class="dot-success" cx={x} cy={yy} r={2.5} />
      ))}
    </svg>
  );
}

function LatencyBars({ p50, p95, width: W }: { p50: number | null; p95: number | null; width: number }) {
  const room = Math.max(80, W - 140);
  const titleId = useId();
  const max = Math.max(1, p50 ?? 0, p95 ?? 0) * 1.15;
  const rows = [
    ['p50', p50],
    ['p95', p95],
  ] as const;
  return (
    <svg
      class="chart chart-short"
      viewBox={`0 0 ${W} 110`}
      width={W}
      height={110}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>
        Time to final state: median {formatMs(p50)}, 95th percentile {formatMs(p95)}
      </title>
      {rows.map(([label, value], i) => {
        const w = ((value ?? 0) / max) * room;
        const yy = 14 + i * 48;
        return (
          <g key={label}>
            <text class="chart-axis" x={40} y={yy + 20} text-anchor="end">
              {label}
            </text>
            <rect
              class={label === 'p50' ? 'bar-p50' : 'bar-p95'}
              x={52}
              y={yy}
              width={Math.max(w, 2)}
              height={30}
              rx={4}
            />
            <text class="chart-value" x={60 + Math.max(w, 2)} y={yy + 20}>
              {formatMs(value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function DashboardPage() {
  useTitle('Dashboard · Console');
  const [minutes, setMinutes] = useState('60');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Dashboard>(`/v1/admin/dashboard?minutes=${minutes}`, { signal }),
    [minutes],
  );
  useInterval(() => void reload(), 15_000);
  const points = fillMinutes(data?.paymentsPerMinute ?? [], Number(minutes));
  const [chartRef, chartWidth] = useWidth();
  const [smallRef, smallWidth] = useWidth();
  const [latencyRef, latencyWidth] = useWidth();
  const total = points.reduce((s, p) => s + p.count, 0);
  const failed = points.reduce((s, p) => s + p.failed, 0);

  return (
    <div class="page wide">
      <PageHeader
        title="Dashboard"
        subtitle="Money per rail today or over a chosen range, and bill payments right now (refreshes every 15 seconds)."
        actions={
          <SelectField
            label="Window"
            name="minutes"
            id="dash-minutes"
            value={minutes}
            onValue={setMinutes}
            options={[
              { value: '15', label: 'Last 15 minutes' },
              { value: '60', label: 'Last hour' },
              { value: '180', label: 'Last 3 hours' },
            ]}
          />
        }
      />
      <div class="dash">
        <MoneyFigures />
      </div>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={6} />
      ) : data ? (
        <div class="dash" data-testid="dashboard">
          <div class="stats">
            <div class="stat">
              <span class="stat-label">Payments</span>
              <span class="stat-value" data-testid="stat-payments">
                {total}
              </span>
            </div>
            <div class="stat">
              <span class="stat-label">Success rate</span>
              <span
                class={cx('stat-value', data.successRate !== null && data.successRate < 0.95 && 'stat-bad')}
                data-testid="stat-success"
              >
                {formatPercent(data.successRate)}
              </span>
            </div>
            <div class="stat">
              <span class="stat-label">Failed</span>
              <span class="stat-value">{failed}</span>
            </div>
            <div class="stat">
              <span class="stat-label">Time to final (p50 / p95)</span>
              <span class="stat-value stat-small">
                {formatMs(data.timeToFinalP50Ms)} / {formatMs(data.timeToFinalP95Ms)}
              </span>
            </div>
          </div>
          <Card title="Payments per minute" class="span-2">
            <div ref={chartRef}>
              {total > 0 ? (
                <PaymentsChart points={points} width={chartWidth} />
              ) : (
                <p class="muted">No payments in this window.</p>
              )}
            </div>
            <ul class="legend" aria-hidden="true">
              <li>
                <span class="swatch swatch-success" />
                Succeeded
              </li>
              <li>
                <span class="swatch swatch-failed" />
                Failed
              </li>
              <li>
                <span class="swatch swatch-other" />
                In flight / other
              </li>
            </ul>
          </Card>
          <Card title="Success rate">
            <div ref={smallRef}>
              {points.some((p) => p.succeeded + p.failed > 0) ? (
                <SuccessChart points={points} width={smallWidth} />
              ) : (
                <p class="muted">No finished payments in this window.</p>
              )}
            </div>
          </Card>
          <Card title="Time to final state">
            <div ref={latencyRef}>
              {data.timeToFinalP50Ms === null && data.timeToFinalP95Ms === null ? (
                <p class="muted">No payment reached a final state in this window.</p>
              ) : (
                <LatencyBars p50={data.timeToFinalP50Ms} p95={data.timeToFinalP95Ms} width={latencyWidth} />
              )}
            </div>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
