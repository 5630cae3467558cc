// The threshold editor: while a preview or save is computed (seconds on a million
// customers), show that the page is busy and keep the buttons from being pressed twice.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('threshold-form');
    const busy = document.getElementById('preview-busy');
    if (!form || !busy) {
        return;
    }
    form.addEventListener('submit', () => {
        busy.classList.remove('d-none');
        form.setAttribute('aria-busy', 'true');
        // Disabled after the submission has read the pressed button's formaction.
        setTimeout(() => form.querySelectorAll('button[type=submit]').forEach((button) => {
            button.disabled = true;
        }), 0);
    });
    // Coming back with the browser's back button must not leave the page looking busy.
    window.addEventListener('pageshow', () => {
        busy.classList.add('d-none');
        form.removeAttribute('aria-busy');
        form.querySelectorAll('button[type=submit]').forEach((button) => {
            button.disabled = false;
        });
    });
});
