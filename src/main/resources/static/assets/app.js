// The pages' common script: nothing inline (the Content-Security-Policy allows only these files).
(function () {
  'use strict';
  // A progress bar's width comes from its data-percent attribute (style attributes are not allowed).
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-percent') + '%';
  });

  // A form's fields that apply to one choice only: data-show-when="decision:FILE key:true" shows the
  // element while every named field of its form has that value (a radio's checked one, a ticked
  // checkbox's "true", a select's), and hides and disables it otherwise, so that only the chosen
  // decision's fields are shown and sent. Without this script every field is shown.
  function valueOf(form, name) {
    var fields = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === 'radio') {
        if (field.checked) { return field.value; }
      } else if (field.type === 'checkbox') {
        return field.checked ? 'true' : 'false';
      } else {
        return field.value;
      }
    }
    return '';
  }
  function applyConditions(form) {
    form.querySelectorAll('[data-show-when]').forEach(function (element) {
      var shown = element.getAttribute('data-show-when').split(/\s+/).every(function (condition) {
        var parts = condition.split(':');
        return parts[1].split('|').indexOf(valueOf(form, parts[0])) >= 0;
      });
      element.hidden = !shown;
      element.querySelectorAll('input, select, textarea').forEach(function (field) {
        field.disabled = !shown;
      });
    });
  }
  document.querySelectorAll('form').forEach(function (form) {
    if (form.querySelector('[data-show-when]')) {
      applyConditions(form);
      form.addEventListener('change', function () { applyConditions(form); });
    }
  });
})();
