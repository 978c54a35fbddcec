// Draws the insights charts (Apache ECharts) from their data-chart attribute; each chart also has a table.
// A chart is a line per day ({days, values, name}) or bars of several series ({type: 'bar', days, series}).
(function () {
  function draw(root) {
    if (typeof echarts === 'undefined') { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) { return; }
      el.setAttribute('data-drawn', '1');
      var data = JSON.parse(el.getAttribute('data-chart'));
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var series = data.type === 'bar'
        ? data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; })
        : [{ name: data.name, type: 'line', smooth: true, data: data.values, connectNulls: false }];
      chart.setOption({
        aria: { enabled: true },
        tooltip: { trigger: 'axis' },
        legend: data.type === 'bar' ? {} : undefined,
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
