(function () {
  'use strict';
  var fail = compsimPage.fail; // page.js
  var number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  try {
    var spec = JSON.parse(document.getElementById('compsim-sweep').textContent);
    var canvas = document.getElementById('chart-sweep--frontier');
    function points(list) {
      return list.map(function (p) { return { x: Number(p.x), y: Number(p.y), id: p.id,
        params: p.params, href: p.href }; });
    }
    var datasets = [
      { label: 'frontier', data: points(spec.frontier), showLine: true, borderColor: '#e8833a',
        backgroundColor: '#e8833a', pointRadius: 5, order: 0 },
      { label: 'variants', data: points(spec.variants), borderColor: '#2f6fde',
        backgroundColor: 'rgba(47,111,222,0.45)', pointRadius: 3, order: 1 }
    ];
    if (spec.baseline) {
      datasets.push({ label: 'baseline', data: points([spec.baseline]), borderColor: '#1d2433',
        backgroundColor: '#1d2433', pointRadius: 6, pointStyle: 'rectRot', order: 0 });
    }
    var drawn = 0;
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (item) {
            var p = item.raw;
            return p.id + ' ' + p.params + ': ' + spec.xAxis + ' ' + number.format(p.x) + ', '
              + spec.yAxis + ' ' + number.format(p.y);
          } } }
        },
        onClick: function (event, elements, chart) {
          if (!elements.length) { return; }
          var p = chart.data.datasets[elements[0].datasetIndex].data[elements[0].index];
          if (p.href) { window.location.href = p.href; }
        },
        scales: {
          x: { type: 'linear', title: { display: true, text: spec.xAxis },
            ticks: { callback: function (value) { return number.format(value); } } },
          y: { type: 'linear', title: { display: true, text: spec.yAxis },
            ticks: { callback: function (value) { return number.format(value); } } }
        }
      },
      plugins: [{ id: 'rendered', afterRender: function () {
        if (!canvas.hasAttribute('data-rendered')) {
          canvas.setAttribute('data-rendered', 'true');
          drawn++;
          document.body.setAttribute('data-charts-drawn', String(drawn));
        }
      } }]
    });
  } catch (e) {
    fail('chart sweep--frontier: ' + e.message);
  }
})();
