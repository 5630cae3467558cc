// The customer list's "select all" box ticks every row of the page for a reassignment.
document.addEventListener('DOMContentLoaded', () => {
    const all = document.getElementById('select-all');
    if (all) {
        all.addEventListener('change', () => {
            document.querySelectorAll('input.reassign-customer').forEach((box) => { box.checked = all.checked; });
        });
    }
});
