// Draws the insights charts (Apache ECharts) from their data-chart attribute; each chart also has a table.
// A chart is one series per day ({days, values, name, type?}: a line unless type is 'bar') or several series
// ({days, series: [{name, values, type?, dashed?}]}: bars unless a series says otherwise).
(function () {
  function draw(root) {
    if (typeof echarts === 'undefined') { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) { return; }
      el.setAttribute('data-drawn', '1');
      var data = JSON.parse(el.getAttribute('data-chart'));
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var series = data.series
        ? data.series.map(function (s) { return { name: s.name, type: s.type || 'bar', data: s.values, lineStyle: s.dashed ? { type: 'dashed' } : undefined }; })
        : [{ name: data.name, type: data.type || 'line', smooth: data.type !== 'bar', data: data.values, connectNulls: false }];
      chart.setOption({
        aria: { enabled: true },
        tooltip: { trigger: 'axis' },
        legend: data.series ? {} : undefined,
        grid: { left: 64, right: 16, top: 32, bottom: 32 },
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value' },
        series: series
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function () { draw(document); });
})();
