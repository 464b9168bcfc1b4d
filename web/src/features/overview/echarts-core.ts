// The parts of echarts the Overview draws with, registered once (a fraction of the full library)
// and rendered to SVG, which stays crisp on every screen and in screenshots. Imported only by the
// lazily loaded chart components, so echarts arrives after the numbers are on screen.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
