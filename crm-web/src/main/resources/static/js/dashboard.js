// Draws every <canvas data-chart="…"> with Chart.js. The numbers are also in a table next to each chart.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    var percent = function (value) {
        return value + ' %';
    };
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var spec = JSON.parse(canvas.getAttribute('data-chart'));
        var config;
        if (spec.type === 'lorenz') {
            config = {
                type: 'line',
                data: {
                    datasets: spec.datasets.map(function (set, i) {
                        return {
                            label: set.label,
                            data: set.data.map(function (p) { return { x: p[0], y: p[1] }; }),
                            borderDash: i === 1 ? [6, 4] : [],
                            pointRadius: 0,
                            fill: false
                        };
                    })
                },
                options: {
                    maintainAspectRatio: false,
                    animation: false,
                    scales: {
                        x: { type: 'linear', min: 0, max: 100, title: { display: true, text: spec.xLabel },
                            ticks: { callback: percent } },
                        y: { min: 0, max: 100, title: { display: true, text: spec.yLabel },
                            ticks: { callback: percent } }
                    }
                }
            };
        } else {
            config = {
                type: spec.type === 'line' ? 'line' : 'bar',
                data: { labels: spec.labels, datasets: spec.datasets },
                options: {
                    maintainAspectRatio: false,
                    animation: false,
                    indexAxis: spec.type === 'hbar' ? 'y' : 'x',
                    scales: spec.percent ? { y: { ticks: { callback: percent } } }
                        : (spec.yLabel ? { y: { title: { display: true, text: spec.yLabel } } } : {})
                }
            };
        }
        new Chart(canvas, config);
    });
}());
