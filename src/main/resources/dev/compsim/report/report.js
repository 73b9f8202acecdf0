(function () {
  'use strict';
  var fail = compsimPage.fail; // page.js
  var palette = ['#2f6fde', '#e8833a', '#3aa57a', '#c9478f', '#7a5cc7', '#c2a13a', '#4bb3c9',
    '#8a8f99', '#d9534f', '#5c8a3a'];
  var number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  // error bars for series that carry a low/high interval
  var intervals = {
    id: 'intervals',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var y = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, index) {
        if (!dataset.low || !dataset.low.length || !chart.isDatasetVisible(index)) { return; }
        chart.getDatasetMeta(index).data.forEach(function (element, i) {
          var top = y.getPixelForValue(dataset.high[i]);
          var bottom = y.getPixelForValue(dataset.low[i]);
          ctx.save();
          ctx.strokeStyle = '#1d2433';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(element.x, top); ctx.lineTo(element.x, bottom);
          ctx.moveTo(element.x - 5, top); ctx.lineTo(element.x + 5, top);
          ctx.moveTo(element.x - 5, bottom); ctx.lineTo(element.x + 5, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };
  var drawn = 0;
  var specs = JSON.parse(document.getElementById('compsim-charts').textContent);
  // what a reader should never meet, marked for scripts/check-report: a chart whose bars are
  // all the same (it says nothing the table does not), and a page wider than the window
  var flat = specs.filter(function (spec) {
    var values = [];
    spec.series.forEach(function (series) { values = values.concat(series.values.map(Number)); });
    return values.length > 1 && values.every(function (v) { return v === values[0]; });
  }).map(function (spec) { return spec.id; });
  if (flat.length) { document.body.setAttribute('data-flat-charts', flat.join(' ')); }
  window.addEventListener('load', function () {
    var page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1) {
      document.body.setAttribute('data-page-overflow', page.scrollWidth + '>' + page.clientWidth);
    }
  });
  specs.forEach(function (spec) {
    try {
      var canvas = document.getElementById('chart-' + spec.id);
      var stacked = spec.kind === 'stacked-bar';
      var line = spec.kind === 'line';
      var datasets = spec.series.map(function (series, i) {
        var color = palette[i % palette.length];
        return {
          label: series.label, data: series.values.map(Number),
          low: series.low.map(Number), high: series.high.map(Number),
          backgroundColor: color, borderColor: color, fill: false, tension: 0.2
        };
      });
      // the value axis must also hold every interval's ends
      var ends = [];
      datasets.forEach(function (ds) { ends = ends.concat(ds.low, ds.high); });
      var yScale = { stacked: stacked, beginAtZero: true,
        title: { display: !!spec.yAxis, text: spec.yAxis },
        ticks: { callback: function (value) { return number.format(value); } } };
      if (ends.length) {
        yScale.suggestedMax = Math.max.apply(null, ends);
        yScale.suggestedMin = Math.min.apply(null, ends);
      }
      new Chart(canvas, {
        type: line ? 'line' : 'bar',
        data: { labels: spec.labels, datasets: datasets },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { label: function (item) {
              var ds = item.dataset;
              var text = ds.label + ': ' + number.format(item.parsed.y);
              if (ds.low && ds.low.length) {
                text += ' [' + number.format(ds.low[item.dataIndex]) + ', '
                  + number.format(ds.high[item.dataIndex]) + ']';
              }
              return text;
            } } }
          },
          scales: {
            x: { stacked: stacked, offset: true,
              title: { display: !!spec.xAxis, text: spec.xAxis } },
            y: yScale
          }
        },
        plugins: [intervals, { id: 'rendered', afterRender: function () {
          if (!canvas.hasAttribute('data-rendered')) {
            canvas.setAttribute('data-rendered', 'true');
            drawn++;
            document.body.setAttribute('data-charts-drawn', String(drawn));
          }
        } }]
      });
    } catch (e) {
      fail('chart ' + spec.id + ': ' + e.message);
    }
  });
})();
