// The time-travel slider: moving it shows the case as of the chosen event at once. Without this file the slider's
// form still has its button. A static file: the content security policy allows no inline script.
(function () {
    function follow(slider) {
        slider.addEventListener('change', function () {
            if (slider.form.requestSubmit) {
                slider.form.requestSubmit();
            } else {
                slider.form.submit();
            }
        });
    }
    function start() {
        document.querySelectorAll('input[type=range][data-autosubmit]').forEach(follow);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
