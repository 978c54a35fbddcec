// Draws every element with a data-chart attribute as an Apache ECharts line chart (SVG renderer).
// data-chart holds JSON: {"labels": [...], "series": [{"name": "...", "values": [n|null, ...], "dashed": false}],
// "sparkline": false}; null leaves a gap. The older insights shape {"days", "name", "values"} is read as one series.
// Every chart on a page also has its numbers in a table next to it, for screen readers and for copying.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var palette = ['#2563eb', '#16a34a', '#dc2626', '#7c3aed', '#d97706', '#0891b2'];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    if (!spec.series) {
      spec = { labels: spec.days, series: [{ name: spec.name, values: spec.values }] };
    }
    var small = spec.sparkline === true;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      color: palette,
      tooltip: small ? { show: false } : { trigger: 'axis' },
      legend: small || spec.series.length < 2 ? { show: false } : { bottom: 0 },
      grid: small ? { left: 2, right: 2, top: 2, bottom: 2 }
                  : { left: 48, right: 16, top: 16, bottom: spec.series.length < 2 ? 32 : 56 },
      xAxis: { type: 'category', data: spec.labels, show: !small, boundaryGap: false },
      yAxis: { type: 'value', show: !small, min: 0 },
      series: spec.series.map(function (s) {
        return { name: s.name, type: 'line', data: s.values, connectNulls: false, showSymbol: false,
                 lineStyle: { type: s.dashed ? 'dashed' : 'solid', width: small ? 1.5 : 2 } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
