// Draws every element with a data-chart attribute as an Apache ECharts chart (SVG renderer), on page load and after
// every htmx swap (an element is drawn once). data-chart holds the JSON of dev.paydesk.shared.LineChart:
// {"labels": [...], "series": [{"name": "...", "values": [n|null, ...], "dashed": false}], "sparkline": false,
// "bars": false}; null leaves a gap, "bars" draws each series as bars instead of a line.
// Every chart on a page also has its numbers in a table next to it, for screen readers and for copying.
(function () {
  var palette = ['#2563eb', '#16a34a', '#dc2626', '#7c3aed', '#d97706', '#0891b2'];

  function option(spec) {
    var small = spec.sparkline === true;
    var several = spec.series.length > 1;
    return {
      aria: { enabled: true },
      animation: false,
      color: palette,
      tooltip: small ? { show: false } : { trigger: 'axis' },
      legend: small || !several ? { show: false } : { bottom: 0 },
      grid: small ? { left: 2, right: 2, top: 2, bottom: 2 }
                  : { left: 16, right: 16, top: 16, bottom: several ? 56 : 32, containLabel: true },
      xAxis: { type: 'category', data: spec.labels, show: !small, boundaryGap: spec.bars === true },
      yAxis: { type: 'value', show: !small, min: function (range) { return Math.min(0, range.min); } },
      series: spec.series.map(function (s) {
        if (spec.bars === true) {
          return { name: s.name, type: 'bar', data: s.values };
        }
        return { name: s.name, type: 'line', data: s.values, connectNulls: false, showSymbol: false,
                 lineStyle: { type: s.dashed ? 'dashed' : 'solid', width: small ? 1.5 : 2 } };
      })
    };
  }

  function draw(root) {
    if (typeof echarts === 'undefined') { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) { return; }
      el.setAttribute('data-drawn', '1');
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(JSON.parse(el.getAttribute('data-chart'))));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function () { draw(document); });
})();
