// The editor's toolbar and live preview. Served by tayori (CSP default-src 'self': no inline script).
// Without this script the page still works: the プレビュー button renders the same preview on the server.
(function () {
  'use strict';
  var root = document.querySelector('[data-preview-url]');
  var form = document.getElementById('editor-form');
  if (!root || !form) {
    return;
  }
  var url = root.getAttribute('data-preview-url');
  var body = document.getElementById('body');
  var toolbar = document.getElementById('toolbar');
  var frame = document.getElementById('preview-frame');
  var text = document.getElementById('preview-text');
  var subject = document.getElementById('preview-subject');
  var status = document.getElementById('preview-status');
  var problems = document.getElementById('problems');

  // what each button writes: [before the selection, after it, the words when nothing is selected, own line]
  var SNIPPETS = {
    heading: ['## ', '', '見出し', true],
    bold: ['**', '**', '太字にする言葉', false],
    link: ['[', '](https://)', 'リンクの文字', false],
    button: ['[', '](https://){.button}', '申し込む', true],
    box: [':::box 今日のワーク\n', '\n:::', '囲みの中の文章', true],
    name: ['{{name|読者さま}}', '', '', false],
    articles: ['{{articles}}', '', '', true]
  };

  function insert(kind) {
    var s = SNIPPETS[kind];
    if (!s) {
      return;
    }
    var start = body.selectionStart, end = body.selectionEnd;
    var selected = body.value.substring(start, end) || s[2];
    var before = s[0], after = s[1];
    if (s[3]) {
      if (start > 0 && body.value.charAt(start - 1) !== '\n') {
        before = '\n\n' + before;
      }
      if (end < body.value.length && body.value.charAt(end) !== '\n') {
        after = after + '\n\n';
      }
    }
    body.setRangeText(before + selected + after, start, end, 'end');
    body.focus();
    schedule();
  }

  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-insert]');
      if (button) {
        event.preventDefault();
        insert(button.getAttribute('data-insert'));
      }
    });
  }

  function showProblems(list) {
    problems.textContent = '';
    list.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p.text;
      li.setAttribute('data-line', p.line);
      li.setAttribute('data-field', p.field);
      problems.appendChild(li);
    });
    var heading = document.querySelector('#problems-box p.error');
    if (heading) {
      heading.hidden = list.length === 0;
    }
  }

  var timer = null;
  var asked = 0;

  function refresh() {
    var params = new URLSearchParams();
    ['csrf', 'subject', 'preheader', 'body'].forEach(function (name) {
      var field = form.elements[name];
      params.append(name, field ? field.value : '');
    });
    var mine = ++asked;
    status.textContent = 'プレビューを更新しています…';
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json'},
      body: params.toString()
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    }).then(function (preview) {
      if (mine !== asked) {
        return; // an older answer arriving after a newer one
      }
      frame.src = preview.frame;
      text.textContent = preview.text;
      subject.textContent = preview.subject;
      showProblems(preview.problems);
      status.textContent = preview.problems.length ? '直すところがあります（下の一覧）。' : 'プレビューは最新です。';
    }).catch(function () {
      status.textContent = 'プレビューを更新できませんでした。サインインし直すか、「プレビュー」ボタンを押してください。';
    });
  }

  function schedule() {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(refresh, 400);
  }

  ['subject', 'preheader', 'body'].forEach(function (name) {
    var field = form.elements[name];
    if (field) {
      field.addEventListener('input', schedule);
    }
  });

  // a problem of the body, clicked: its line is selected in the text area
  problems.addEventListener('click', function (event) {
    var li = event.target.closest('li[data-line]');
    var line = li ? parseInt(li.getAttribute('data-line'), 10) : 0;
    if (!li || li.getAttribute('data-field') !== 'body_markdown' || !(line > 0)) {
      return;
    }
    var lines = body.value.split('\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) {
      start += lines[i].length + 1;
    }
    body.focus();
    body.setSelectionRange(start, start + (lines[line - 1] || '').length);
  });

  // 「新しいお知らせ」: a name in ASCII letters suggests the id, until the operator types one
  var name = document.getElementById('name');
  var id = document.getElementById('campaign-id');
  if (name && id) {
    var suggested = id.value;
    id.addEventListener('input', function () {
      suggested = null;
    });
    name.addEventListener('input', function () {
      if (suggested === null) {
        return;
      }
      var slug = name.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').substring(0, 60);
      if (/^[a-z0-9][a-z0-9-]*$/.test(slug) && /^[\x20-\x7e]*$/.test(name.value)) {
        id.value = slug;
      } else {
        id.value = suggested;
      }
    });
  }
})();
