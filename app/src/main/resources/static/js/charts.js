// Draws the managers' charts with ECharts from the tables beside them: a chart never shows a figure its table does
// not, and the table stays the accessible form of the chart (the chart itself is hidden from assistive technology).
// <div class="chart" data-chart="TABLE-ID"> draws horizontal bars from the first column of the table's rows;
// <div class="chart" data-chart="TABLE-ID" data-chart-kind="lines"> draws one line per row marked data-series, over
// the table's columns. Redrawn after htmx swaps in new figures (live updates), which it stamps with their time.
// A static file: the content security policy allows no inline script.
(function () {
    var INK = '#1b1b1b';
    var PALETTE = ['#0b4f8a', '#a4001d', '#0f5a2f', '#6b3fa0', '#8a5a00', '#4a4a4a'];

    function number(cell) {
        var value = parseFloat(cell.textContent.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.'));
        return isNaN(value) ? null : value;
    }

    function label(row) {
        var header = row.querySelector('th');
        return header ? header.textContent.trim() : '';
    }

    function bars(table, container) {
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        container.style.height = Math.max(120, rows.length * 34 + 30) + 'px';
        return {
            animation: false,
            grid: {left: 8, right: 48, top: 8, bottom: 8, containLabel: true},
            xAxis: {type: 'value', minInterval: 1, axisLabel: {color: INK}},
            yAxis: {type: 'category', inverse: true, data: rows.map(label),
                axisLabel: {color: INK, width: 200, overflow: 'truncate'}},
            series: [{type: 'bar', data: rows.map(function (row) { return number(row.querySelector('td')); }),
                itemStyle: {color: PALETTE[0]}, label: {show: true, position: 'right', color: INK}}]
        };
    }

    function lines(table, container) {
        var columns = Array.prototype.slice.call(table.tHead.rows[0].cells, 1)
            .map(function (cell) { return cell.textContent.trim(); });
        var rows = Array.prototype.slice.call(table.tBodies[0].querySelectorAll('tr[data-series]'));
        container.style.height = '22rem';
        return {
            animation: false,
            color: PALETTE,
            tooltip: {trigger: 'axis'},
            legend: {bottom: 0, textStyle: {color: INK}},
            grid: {left: 8, right: 24, top: 16, bottom: 64, containLabel: true},
            xAxis: {type: 'category', data: columns, axisLabel: {color: INK}},
            yAxis: {type: 'value', minInterval: 1, axisLabel: {color: INK}},
            series: rows.map(function (row) {
                return {type: 'line', name: label(row), symbolSize: 8, label: {show: true, color: INK},
                    data: Array.prototype.slice.call(row.querySelectorAll('td')).map(number)};
            })
        };
    }

    function draw(container) {
        var table = document.getElementById(container.getAttribute('data-chart'));
        if (!table || !window.echarts) {
            return;
        }
        var previous = window.echarts.getInstanceByDom(container);
        if (previous) {
            previous.dispose();
        }
        var option = container.getAttribute('data-chart-kind') === 'lines' ? lines(table, container)
            : bars(table, container);
        window.echarts.init(container).setOption(option);
        container.setAttribute('data-drawn', 'true');
    }

    function drawAll(root) {
        Array.prototype.forEach.call(root.querySelectorAll('[data-chart]'), draw);
    }

    document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
    document.addEventListener('htmx:afterSwap', function (event) {
        // When the figures changed, in the page's clock: the browser test measures the live update's delay by it.
        event.detail.target.setAttribute('data-changed-at', String(Date.now()));
        drawAll(event.detail.target);
    });
    window.addEventListener('resize', function () {
        Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (container) {
            var chart = window.echarts && window.echarts.getInstanceByDom(container);
            if (chart) {
                chart.resize();
            }
        });
    });
}());
