// Rule 17, the batch tables: select many and confirm once. The selected rows go to the page's JSON
// endpoint a few at a time (each row is still its own step on the server), the bar shows how far it
// got, and each row shows what became of it (as text, never as HTML). Without this script the form's
// own POST does every selected row and the page lists the results.
(function () {
  'use strict';
  var form = document.getElementById('batch-form');
  if (!form) {
    return;
  }
  var CHUNK = 10;
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var selectAll = document.getElementById('select-all');
  var selectedNote = document.getElementById('batch-selected');
  var submit = document.getElementById('batch-submit');
  var progress = document.getElementById('batch-progress');
  var bar = document.getElementById('batch-bar');
  var counts = document.getElementById('batch-counts');
  var kind = form.dataset.kind;

  function boxes() {
    return Array.prototype.slice.call(form.querySelectorAll('.row-select:not(:disabled)'));
  }

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return values[Number(i)]; });
  }

  var noneText = selectedNote.textContent;

  function showSelected() {
    var n = boxes().filter(function (b) { return b.checked; }).length;
    selectedNote.textContent = n === 0 ? noneText : format(selectedNote.dataset.template, [n]);
  }

  if (selectAll) {
    selectAll.addEventListener('change', function () {
      boxes().forEach(function (b) { b.checked = selectAll.checked; });
      showSelected();
    });
  }
  form.addEventListener('change', function (event) {
    if (event.target.classList.contains('row-select')) {
      showSelected();
    }
  });
  showSelected();

  function field(row, name) {
    return row.querySelector('[name="' + name + '-' + row.dataset.id + '"]');
  }

  function value(row, name) {
    var input = field(row, name);
    return input && input.value !== '' ? input.value : null;
  }

  /** One row as the batch API's item. */
  function item(row) {
    var entry = { proposalId: Number(row.dataset.id) };
    var names = kind === 'review' ? ['decision', 'category', 'comment'] : ['mode', 'lead', 'deadline'];
    names.forEach(function (name) {
      var v = value(row, name);
      if (v !== null) {
        entry[name] = v;
      }
    });
    if (kind === 'assignment') {
      var units = field(row, 'units');
      entry.units = Array.prototype.slice.call(units.selectedOptions).map(function (o) { return o.value; });
    }
    return entry;
  }

  function outcome(row, result) {
    var cell = row.querySelector('.batch-outcome');
    var box = row.querySelector('.row-select');
    row.classList.remove('table-danger', 'table-success');
    if (result.ok) {
      row.classList.add('table-success');
      box.checked = false;
      box.disabled = true;
      row.querySelectorAll('select, input[type=text], input[type=date]').forEach(function (input) { input.disabled = true; });
      cell.textContent = '✓ ' + (result.number ? result.number : '');
    } else {
      row.classList.add('table-danger');
      cell.textContent = '✗ ' + (result.errors || []).map(function (e) { return e.message; }).join('；');
    }
  }

  function send(items) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (tokenMeta && headerMeta) {
      headers[headerMeta.content] = tokenMeta.content;
    }
    return fetch(form.dataset.runUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify({ items: items })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var rows = boxes().filter(function (b) { return b.checked; }).map(function (b) { return b.closest('tr'); });
    if (rows.length === 0) {
      selectedNote.classList.add('text-danger');
      return;
    }
    selectedNote.classList.remove('text-danger');
    submit.disabled = true;
    progress.classList.remove('d-none');
    var done = 0;
    var succeeded = 0;
    var failed = 0;

    function show() {
      var percent = Math.round(done * 100 / rows.length);
      bar.style.width = percent + '%';
      bar.textContent = percent + '%';
      bar.parentElement.setAttribute('aria-valuenow', percent);
      counts.textContent = format(counts.dataset.template, [done, rows.length, succeeded, failed]);
    }

    function next(from) {
      if (from >= rows.length) {
        submit.disabled = false;
        form.dataset.finished = 'true';
        if (selectAll) {
          selectAll.checked = false;
        }
        showSelected();
        return;
      }
      var chunk = rows.slice(from, from + CHUNK);
      send(chunk.map(item)).then(function (answer) {
        answer.results.forEach(function (result, i) {
          outcome(chunk[i], result);
          if (result.ok) {
            succeeded++;
          } else {
            failed++;
          }
        });
        done += chunk.length;
        show();
        next(from + CHUNK);
      }).catch(function () {
        counts.textContent = counts.dataset.error;
        counts.classList.add('text-danger');
        submit.disabled = false;
      });
    }
    show();
    next(0);
  });
})();
