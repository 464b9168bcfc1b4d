// Design values shared by the Mantine theme and code that draws outside Mantine (charts).
export const FONT_STACK =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const chartColors = {
  gmv: '#5c7cfa',
  orders: '#f08c00',
  axisText: '#868e96',
  axisLine: '#dee2e6',
  gridLine: '#eef0f3',
  legendText: '#495057',
  highlight: 'rgba(92, 124, 250, 0.07)',
} as const;
