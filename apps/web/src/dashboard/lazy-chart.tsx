import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartOption, ChartProps } from './chart';

export type { ChartOption };

// echarts is most of the dashboard's code: in its own chunk, fetched after the KPI figures, so a phone
// shows the numbers without waiting for the charts (bench/pages.mjs measures the first KPI).
const load = () => import('./chart');
const LazyChart = lazy(() => load().then((m) => ({ default: m.Chart })));

/** Starts fetching the charts' code (once the headline figures are in), before a chart asks for it. */
export function preloadCharts(): void {
  void load().catch(() => undefined); // a failed fetch is retried, and reported, when a chart renders
}

/** The ECharts chart of ./chart.tsx, loaded on first use; a box of the same height until then. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 320;
  return (
    <Suspense
      fallback={
        <div className="wq-chart-placeholder" style={{ height }}>
          <Spin />
        </div>
      }
    >
      <LazyChart {...props} />
    </Suspense>
  );
}
