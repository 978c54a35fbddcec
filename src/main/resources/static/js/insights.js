// Draws the insights charts (Apache ECharts) from their data-chart attribute; each chart also has a table.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: data.days },
      yAxis: { type: 'value' },
      series: [{ name: data.name, type: data.type || 'line', smooth: data.type !== 'bar', data: data.values, connectNulls: false }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
