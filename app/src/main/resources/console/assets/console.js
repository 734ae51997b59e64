// The console's only script of its own: draws the dashboard's chart and keeps it current.
// Figures themselves refresh through htmx (hx-trigger on the figures fragment).
(function () {
  "use strict";

  function start() {
    var canvas = document.getElementById("traffic-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    var chart = new Chart(canvas, {
      type: "line",
      data: {
        labels: [],
        datasets: [
          { label: "Charging requests/s", data: [], borderColor: "#0b5cad", tension: 0.2 },
          { label: "SMS/s", data: [], borderColor: "#b54708", tension: 0.2 }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: "bottom" } }
      }
    });
    function refresh() {
      fetch(canvas.dataset.series, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (series) {
          if (!series) { return; }
          chart.data.labels = series.at.map(function (at) { return at.substring(11, 19); });
          chart.data.datasets[0].data = series.chargingPerSecond;
          chart.data.datasets[1].data = series.smsPerSecond;
          chart.update();
          canvas.dataset.points = String(series.at.length);
        })
        .catch(function () { /* the next round tries again */ });
    }
    refresh();
    setInterval(refresh, 2000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
