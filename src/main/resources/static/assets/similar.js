// Rule 1: while a member writes, the similar earlier proposals and their replies. Sends the draft
// (title, background, suggestions) to the page's JSON endpoint with the session's CSRF token and
// shows the answer as text (never as HTML).
(function () {
  'use strict';
  var form = document.getElementById('proposal-form');
  var panel = document.getElementById('similar-panel');
  if (!form || !panel) {
    return;
  }
  var list = document.getElementById('similar-list');
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var timer = null;
  var last = null;
  var pending = null;

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (content !== undefined && content !== null) {
      element.textContent = content;
    }
    return element;
  }

  function note(message) {
    list.replaceChildren(text('li', 'small text-muted', message));
  }

  function render(items) {
    if (!items.length) {
      note(panel.dataset.empty);
      return;
    }
    var children = items.map(function (item) {
      var li = text('li', 'similar-item');
      var head = text('div', 'd-flex justify-content-between gap-2');
      var title;
      if (item.url) {
        title = text('a', 'fw-semibold', item.title);
        title.href = item.url;
        title.target = '_blank';
        title.rel = 'noopener';
      } else {
        title = text('span', 'fw-semibold', item.title);
      }
      head.append(title, text('span', 'badge text-bg-secondary align-self-start', item.percent + '%'));
      li.append(head);
      var meta = [item.number, item.statusLabel, item.category].filter(function (v) { return v; }).join(' · ');
      li.append(text('div', 'small text-muted', meta));
      if (!item.url) {
        li.append(text('div', 'small text-muted fst-italic', panel.dataset.notYours));
      }
      (item.replies || []).forEach(function (reply) {
        var div = text('div', 'small border-start ps-2 mt-1');
        div.append(text('span', 'fw-semibold', reply.unit + ' ' + reply.classification + ' '), text('span', null, reply.text));
        li.append(div);
      });
      return li;
    });
    list.replaceChildren.apply(list, children);
  }

  function check() {
    var draft = {
      title: form.elements.title.value,
      background: form.elements.background.value,
      suggestions: form.elements.suggestions.value
    };
    if (draft.title.trim().length < 2) {
      list.replaceChildren();
      last = null;
      return;
    }
    var body = JSON.stringify(draft);
    if (body === last) {
      return;
    }
    last = body;
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (tokenMeta && headerMeta) {
      headers[headerMeta.content] = tokenMeta.content;
    }
    fetch(panel.dataset.url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin', signal: pending.signal })
      .then(function (response) {
        if (response.status === 503) {
          note(panel.dataset.unavailable);
          last = null;
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (items) {
        if (items) {
          render(items);
        }
      })
      .catch(function () { /* aborted by a newer draft, or offline: the next keystroke asks again */ });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }

  ['title', 'background', 'suggestions'].forEach(function (name) {
    form.elements[name].addEventListener('input', schedule);
  });
  check();
})();
