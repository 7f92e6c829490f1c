// Says on the page whether its live updates (server-sent events through htmx) are connected, for the reader and
// for the browser tests. A static file: the content security policy allows no inline script.
(function () {
    function mark(event, state) {
        var source = event.target.closest('[sse-connect]');
        if (!source) {
            return;
        }
        source.setAttribute('data-live', state);
        var status = source.querySelector('.live-status');
        if (status) {
            status.textContent = status.getAttribute('data-' + state) || '';
        }
    }
    document.addEventListener('htmx:sseOpen', function (event) { mark(event, 'open'); });
    document.addEventListener('htmx:sseError', function (event) { mark(event, 'lost'); });
}());
