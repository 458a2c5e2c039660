// The dashboard's charts (Chart.js from its WebJar). The data comes in each canvas's data-chart
// attribute: {labels: [...], series: [{name, values: [...], links: [...]}]}; a bar with a link
// opens the list of the proposals it counts. Nothing inline: the Content-Security-Policy allows only files.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#0d6efd', '#198754', '#dc3545', '#6f42c1', '#fd7e14'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var horizontal = canvas.getAttribute('data-chart-kind') === 'horizontal';
    var chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return { label: series.name, data: series.values, backgroundColor: colours[i % colours.length] };
        })
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: data.series.length > 1 } },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } },
        onHover: function (event, elements) {
          var link = elements.length ? data.series[elements[0].datasetIndex].links[elements[0].index] : '';
          event.native.target.style.cursor = link ? 'pointer' : 'default';
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          var link = data.series[elements[0].datasetIndex].links[elements[0].index];
          if (link) {
            window.location.href = link;
          }
        }
      }
    });
    canvas.setAttribute('data-rendered', String(chart.data.datasets.length));
  });
})();
