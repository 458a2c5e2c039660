// The paper import's progress: polls the job's JSON status and moves the bar; reloads for the report when done.
(function () {
  'use strict';
  var section = document.getElementById('import-progress');
  if (!section || section.dataset.done === 'true') {
    return;
  }
  var bar = document.getElementById('import-bar');
  var counts = document.getElementById('import-counts');
  var template = counts.dataset.template;

  function poll() {
    fetch(section.dataset.statusUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) {
          setTimeout(poll, 3000);
          return;
        }
        bar.style.width = status.percent + '%';
        bar.textContent = status.percent + '%';
        bar.parentElement.setAttribute('aria-valuenow', status.percent);
        counts.textContent = template.replace('{0}', status.processed).replace('{1}', status.total)
          .replace('{2}', status.registered).replace('{3}', status.refused);
        if (status.done) {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
