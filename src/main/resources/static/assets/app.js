// The pages' common script: nothing inline (the Content-Security-Policy allows only these files).
(function () {
  'use strict';
  // A progress bar's width comes from its data-percent attribute (style attributes are not allowed).
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-percent') + '%';
  });
})();
