import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useReducedMotion } from '../lib/motion';

// Only what the dashboard draws, so the bundle carries no other chart types.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
/** What was clicked: the series' name and the data item's name and index. */
export interface ChartClick {
  seriesName?: string;
  name: string;
  dataIndex: number;
}
export interface ChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
  label?: string;
  /** A click on a bar, slice or point (pointer only: the tables beside the charts are the keyboard's way). */
  onClick?: (e: ChartClick) => void;
  /**
   * A click anywhere in a row of a chart whose y axis is the categories (horizontal bars): the row's
   * index. A whole row is easier to hit than its thin bars, and a row with no bar drawn still opens.
   */
  onRowClick?: (index: number) => void;
  /** The same for a chart whose x axis is the categories (a trend's days, weeks or months): the column's index. */
  onColumnClick?: (index: number) => void;
}

/** An ECharts chart in a div: created once, given each new option whole, resized with its box, disposed on unmount. */
export function Chart({ option, height = 320, testId, label, onClick, onRowClick, onColumnClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const still = useReducedMotion();
  const click = useRef(onClick);
  const rowClick = useRef(onRowClick);
  const columnClick = useRef(onColumnClick);
  useEffect(() => {
    click.current = onClick;
    rowClick.current = onRowClick;
    columnClick.current = onColumnClick;
  });

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as unknown as ChartClick));
    c.getZr().on('click', (e) => {
      const at = [e.offsetX, e.offsetY];
      if (!(rowClick.current || columnClick.current) || !c.containPixel({ gridIndex: 0 }, at)) return;
      const [column, row] = c.convertFromPixel({ gridIndex: 0 }, at);
      if (rowClick.current && Number.isInteger(row) && row >= 0) rowClick.current(row);
      if (columnClick.current && Number.isInteger(column) && column >= 0) columnClick.current(column);
    });
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    // The box also changes size without the window doing so (grid columns, a scrollbar appearing).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(el);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(still ? { ...option, animation: false } : option, { notMerge: true });
  }, [option, still]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick || onRowClick || onColumnClick ? 'pointer' : undefined }}
    />
  );
}
