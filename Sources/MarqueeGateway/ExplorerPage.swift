/// The API explorer served at GET /graphql to browsers (Accept: text/html): a
/// self-contained page (no CDN, works offline) that runs operations against this gateway.
enum ExplorerPage {
    static let html: String = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>Marquee API Explorer</title>
    <link rel="icon" href="data:,">
    <style>
    :root {
      color-scheme: light dark;
      --bg: #f4f5f7; --panel: #ffffff; --fg: #1d2127; --muted: #5f6874; --border: #d6dae0;
      --accent: #2f6fde; --accent-fg: #ffffff; --err: #c62f2f; --ok: #1d7f46; --warn: #9a6200;
      --code-bg: #fbfbfc; --hover: #eceff3;
      --j-key: #8a3bb0; --j-str: #1d7a3b; --j-num: #a85400; --j-lit: #2f6fde;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15171b; --panel: #1d2025; --fg: #e2e5e9; --muted: #99a2ad; --border: #33383f;
        --accent: #5b93f0; --accent-fg: #0d1117; --err: #f07171; --ok: #5fcf8a; --warn: #e0a93b;
        --code-bg: #181a1e; --hover: #2a2e35;
        --j-key: #d19af0; --j-str: #8fd19e; --j-num: #f0b072; --j-lit: #7fb0ff;
      }
    }
    * { box-sizing: border-box; }
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; background: var(--bg); color: var(--fg); font: 14px/1.4 var(--sans); }
    header { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding: 8px 12px; border-bottom: 1px solid var(--border); background: var(--panel); }
    header h1 { font-size: 15px; margin: 0 6px 0 0; font-weight: 600; white-space: nowrap; }
    .spacer { flex: 1; }
    button, select, input { font: inherit; color: inherit; }
    button { background: var(--hover); border: 1px solid var(--border); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
    button:hover { border-color: var(--muted); }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
    button.primary, button[aria-pressed="true"] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
    button.primary { font-weight: 600; padding: 4px 14px; }
    select, input[type=text], input[type=password], input[type=search] { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 8px; }
    select { max-width: 16em; }
    select:disabled { color: var(--muted); }
    label.inline { display: flex; align-items: center; gap: 6px; color: var(--muted); font-size: 12px; }
    #token { width: 15em; font-family: var(--mono); font-size: 12px; }
    main { flex: 1; display: flex; min-height: 0; }
    .col { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
    .editors { flex: 1 1 50%; border-right: 1px solid var(--border); }
    .result { flex: 1 1 50%; }
    aside { flex: 0 0 340px; display: flex; flex-direction: column; min-height: 0; border-left: 1px solid var(--border); background: var(--panel); }
    [hidden] { display: none !important; }
    textarea { display: block; width: 100%; min-height: 0; resize: none; border: 0; outline: none; margin: 0; padding: 10px 12px; background: var(--code-bg); color: var(--fg); font: 13px/1.5 var(--mono); tab-size: 2; overflow: auto; }
    textarea:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
    #query { flex: 3 1 0; }
    .sub { flex: 1 1 0; display: flex; flex-direction: column; min-height: 0; }
    .sub textarea { flex: 1; }
    .bar { display: flex; align-items: center; gap: 8px; min-height: 32px; padding: 3px 10px; border-bottom: 1px solid var(--border); background: var(--panel); font-size: 12px; color: var(--muted); }
    .editors .tabs { border-top: 1px solid var(--border); }
    .tabs button { border: 0; background: none; padding: 3px 8px; border-radius: 4px; color: var(--muted); }
    .tabs button[aria-selected="true"] { color: var(--fg); background: var(--hover); font-weight: 600; }
    .bar strong { color: var(--fg); font-size: 13px; }
    .bar button { padding: 2px 8px; font-size: 12px; }
    #status.ok { color: var(--ok); font-weight: 600; }
    #status.err { color: var(--err); font-weight: 600; }
    #reqid { font-family: var(--mono); user-select: all; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    #output { flex: 1; margin: 0; overflow: auto; padding: 10px 12px; background: var(--code-bg); font: 13px/1.5 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
    #output.muted { color: var(--muted); font-family: var(--sans); }
    #output.error { color: var(--err); }
    .j-key { color: var(--j-key); } .j-str { color: var(--j-str); } .j-num { color: var(--j-num); } .j-lit { color: var(--j-lit); }
    .scroll { flex: 1; overflow: auto; padding: 8px 12px 24px; }
    .docs h2 { font: 600 16px/1.3 var(--mono); margin: 8px 0 4px; overflow-wrap: anywhere; }
    .docs h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 18px 0 4px; }
    .kind { font: 11px var(--sans); color: var(--muted); border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; margin-left: 6px; vertical-align: middle; }
    .desc { color: var(--muted); white-space: pre-wrap; margin: 3px 0; font-size: 13px; overflow-wrap: anywhere; }
    .item { padding: 6px 0; border-bottom: 1px solid var(--border); }
    .sig { font: 12.5px/1.5 var(--mono); overflow-wrap: anywhere; }
    .sig .arg { padding-left: 1.5em; }
    .fname { color: var(--j-key); }
    .aname { color: var(--j-num); }
    .deprecated .fname { text-decoration: line-through; }
    .dep { color: var(--warn); font-size: 12px; margin-top: 2px; }
    .argdocs { margin: 2px 0 0; padding-left: 1.2em; font-size: 12px; color: var(--muted); }
    button.link { background: none; border: 0; padding: 0; border-radius: 2px; color: var(--accent); font: inherit; cursor: pointer; text-align: left; }
    button.link:hover { text-decoration: underline; }
    .nav { display: flex; gap: 10px; font-size: 12px; margin-bottom: 4px; }
    .list { list-style: none; margin: 0; padding: 0; }
    .list li { padding: 3px 0; font: 12.5px/1.5 var(--mono); }
    .list .label { color: var(--muted); }
    .docs .error, .docs .note { white-space: pre-wrap; margin: 8px 0; }
    .docs .error { color: var(--err); }
    .docs .note { color: var(--muted); }
    #search { width: 100%; margin: 4px 0; }
    #history-list { list-style: none; margin: 0; padding: 0; }
    #history-list li { border-bottom: 1px solid var(--border); }
    #history-list button { display: block; width: 100%; text-align: left; border: 0; border-radius: 0; background: none; padding: 7px 12px; }
    #history-list button:hover { background: var(--hover); }
    #history-list .h-name { display: block; font: 12.5px var(--mono); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    #history-list .h-time { display: block; font-size: 11px; color: var(--muted); }
    @media (max-width: 900px) {
      main { flex-direction: column; overflow: auto; }
      .editors { flex: none; height: 65vh; border-right: 0; }
      .result { flex: none; height: 50vh; border-top: 1px solid var(--border); }
      aside { flex: none; height: 60vh; border-left: 0; border-top: 1px solid var(--border); }
      #token { width: 10em; }
    }
    </style>
    </head>
    <body>
    <header>
      <h1>Marquee API Explorer</h1>
      <label class="inline">Operation
        <select id="operation" title="Operation to run (operationName)"></select>
      </label>
      <button id="run" class="primary" type="button" title="Run (Ctrl+Enter / Cmd+Enter)">&#9654; Run</button>
      <span class="spacer"></span>
      <label class="inline">Bearer token
        <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="none" title="Sent as Authorization: Bearer &lt;token&gt; (remembered in this browser)">
      </label>
      <button id="toggle-history" type="button" aria-pressed="false" aria-controls="history">History</button>
      <button id="toggle-docs" type="button" aria-pressed="false" aria-controls="docs">Docs</button>
    </header>
    <main>
      <section class="col editors" aria-label="Editors">
        <textarea id="query" wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off" aria-label="Operation editor"></textarea>
        <div class="bar tabs" role="tablist">
          <button id="tab-variables" type="button" role="tab" aria-selected="true" aria-controls="pane-variables">Variables</button>
          <button id="tab-headers" type="button" role="tab" aria-selected="false" aria-controls="pane-headers">Headers</button>
        </div>
        <div id="pane-variables" class="sub" role="tabpanel" aria-labelledby="tab-variables">
          <textarea id="variables" wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off" aria-label="Variables (JSON)" placeholder='Variables as a JSON object, e.g. { "first": 5 }'></textarea>
        </div>
        <div id="pane-headers" class="sub" role="tabpanel" aria-labelledby="tab-headers" hidden>
          <textarea id="headers" wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off" aria-label="Headers (JSON)" placeholder='Extra request headers as a JSON object, e.g. { "X-Client": "explorer" }'></textarea>
        </div>
      </section>
      <section class="col result" aria-label="Result">
        <div class="bar" aria-live="polite">
          <strong>Result</strong>
          <span id="status"></span>
          <span id="time"></span>
          <span id="reqid" title="x-request-id response header"></span>
        </div>
        <pre id="output" class="muted">Press Run (Ctrl+Enter, or Cmd+Enter on a Mac) to execute the operation.</pre>
      </section>
      <aside id="docs" class="docs" aria-label="Documentation" hidden>
        <div class="bar"><strong>Docs</strong><span class="spacer"></span><button id="reload" type="button">Reload schema</button></div>
        <div id="docs-body" class="scroll"></div>
      </aside>
      <aside id="history" aria-label="History" hidden>
        <div class="bar"><strong>History</strong><span class="spacer"></span><button id="clear-history" type="button">Clear</button></div>
        <div class="scroll" style="padding: 0"><ol id="history-list"></ol></div>
      </aside>
    </main>
    <script>
    (function () {
      'use strict';

      var EXAMPLE = [
        '# Welcome to Marquee. Ctrl+Enter runs the operation.',
        'query UpcomingEvents {',
        '  events(first: 5) {',
        '    totalCount',
        '    edges { node { id title startsAt venue { name city } ticketTypes { name price { formatted } remaining } } }',
        '  }',
        '}',
        ''
      ].join('\n');

      var INTROSPECTION = [
        'query IntrospectionQuery {',
        '  __schema {',
        '    queryType { name }',
        '    mutationType { name }',
        '    subscriptionType { name }',
        '    types {',
        '      kind',
        '      name',
        '      description',
        '      fields(includeDeprecated: true) {',
        '        name',
        '        description',
        '        args { name description type { ...TypeRef } defaultValue }',
        '        type { ...TypeRef }',
        '        isDeprecated',
        '        deprecationReason',
        '      }',
        '      inputFields { name description type { ...TypeRef } defaultValue }',
        '      interfaces { ...TypeRef }',
        '      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }',
        '      possibleTypes { ...TypeRef }',
        '    }',
        '    directives {',
        '      name',
        '      description',
        '      locations',
        '      args { name description type { ...TypeRef } defaultValue }',
        '    }',
        '  }',
        '}',
        '',
        'fragment TypeRef on __Type {',
        '  kind',
        '  name',
        '  ofType {',
        '    kind',
        '    name',
        '    ofType {',
        '      kind',
        '      name',
        '      ofType {',
        '        kind',
        '        name',
        '        ofType {',
        '          kind',
        '          name',
        '          ofType {',
        '            kind',
        '            name',
        '            ofType {',
        '              kind',
        '              name',
        '              ofType {',
        '                kind',
        '                name',
        '              }',
        '            }',
        '          }',
        '        }',
        '      }',
        '    }',
        '  }',
        '}'
      ].join('\n');

      var ACCEPT = 'application/graphql-response+json, application/json';
      var HISTORY_MAX = 20;
      var K = {
        query: 'marquee.explorer.query',
        variables: 'marquee.explorer.variables',
        headers: 'marquee.explorer.headers',
        token: 'marquee.explorer.token',
        operation: 'marquee.explorer.operation',
        history: 'marquee.explorer.history',
        panel: 'marquee.explorer.panel'
      };

      var store = {
        get: function (key, fallback) {
          try { var v = window.localStorage.getItem(key); return v === null ? fallback : v; } catch (e) { return fallback; }
        },
        set: function (key, value) {
          try { window.localStorage.setItem(key, value); } catch (e) { /* storage full or unavailable */ }
        },
        remove: function (key) {
          try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
        }
      };

      function $(id) { return document.getElementById(id); }
      var queryEl = $('query'), varsEl = $('variables'), headersEl = $('headers'), tokenEl = $('token');
      var opSelect = $('operation'), runBtn = $('run'), output = $('output');
      var statusEl = $('status'), timeEl = $('time'), reqidEl = $('reqid');
      var docsBody = $('docs-body');

      // DOM helper: text always goes in as text nodes, never as markup.
      function el(tag, props) {
        var node = document.createElement(tag);
        if (props) {
          Object.keys(props).forEach(function (k) {
            var v = props[k];
            if (v === undefined || v === null) return;
            if (k === 'class') node.className = v;
            else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
            else node.setAttribute(k, v);
          });
        }
        for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
        return node;
      }
      function add(node, child) {
        if (child === undefined || child === null || child === false) return;
        if (Array.isArray(child)) { child.forEach(function (c) { add(node, c); }); return; }
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
      function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

      function InputError(message, where) { this.message = message; this.where = where; }

      // ---- Editors -------------------------------------------------------------

      function insertText(ta, text) {
        var ok = false;
        try { ok = document.execCommand('insertText', false, text); } catch (e) { ok = false; }
        if (!ok) {
          ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, 'end');
          ta.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }

      // Tab inserts two spaces; Escape then Tab (or Shift+Tab) moves focus as usual.
      function editorKeys(e) {
        var ta = e.target;
        if (e.key === 'Escape') { ta.dataset.tabEscape = '1'; return; }
        if (e.key !== 'Tab') { delete ta.dataset.tabEscape; return; }
        if (ta.dataset.tabEscape || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) { delete ta.dataset.tabEscape; return; }
        e.preventDefault();
        insertText(ta, '  ');
      }
      [queryEl, varsEl, headersEl].forEach(function (ta) { ta.addEventListener('keydown', editorKeys); });

      document.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
          e.preventDefault();
          run();
        }
      });

      function selectTab(name) {
        ['variables', 'headers'].forEach(function (n) {
          $('tab-' + n).setAttribute('aria-selected', String(n === name));
          $('pane-' + n).hidden = n !== name;
        });
      }
      $('tab-variables').addEventListener('click', function () { selectTab('variables'); varsEl.focus(); });
      $('tab-headers').addEventListener('click', function () { selectTab('headers'); headersEl.focus(); });

      // ---- Operation names -----------------------------------------------------

      function operationNames(source) {
        // Drop block strings, strings and comments, then look only at top-level text.
        var cleaned = source.replace(/"{3}[\s\S]*?(?:"{3}|$)|"(?:\\.|[^"\\\n])*"?|#[^\n\r]*/g, ' ');
        var top = '', depth = 0;
        for (var i = 0; i < cleaned.length; i++) {
          var ch = cleaned[i];
          if (ch === '{') { depth++; top += ' '; }
          else if (ch === '}') { depth = Math.max(0, depth - 1); top += ' '; }
          else top += depth === 0 ? ch : ' ';
        }
        var names = [], re = /(?:^|[^_0-9A-Za-z])(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g, m;
        while ((m = re.exec(top)) !== null) {
          if (names.indexOf(m[2]) < 0) names.push(m[2]);
        }
        return names;
      }

      function updateOperations() {
        var names = operationNames(queryEl.value);
        var previous = opSelect.value || store.get(K.operation, '');
        clear(opSelect);
        if (names.length === 0) {
          opSelect.appendChild(new Option('(anonymous)', ''));
          opSelect.disabled = true;
          return;
        }
        opSelect.disabled = false;
        names.forEach(function (n) { opSelect.appendChild(new Option(n, n)); });
        opSelect.value = names.indexOf(previous) >= 0 ? previous : names[0];
      }
      opSelect.addEventListener('change', function () { store.set(K.operation, opSelect.value); });

      // ---- Requests ------------------------------------------------------------

      function buildHeaders() {
        var h = new Headers();
        h.set('content-type', 'application/json');
        h.set('accept', ACCEPT);
        var token = tokenEl.value.trim().replace(/^bearer\s+/i, '');
        if (token) {
          try { h.set('authorization', 'Bearer ' + token); } catch (e) { throw new InputError('The bearer token contains characters that cannot be sent in a header.', 'token'); }
        }
        var text = headersEl.value.trim();
        if (!text) return h;
        var obj;
        try { obj = JSON.parse(text); } catch (e) { throw new InputError('Headers are not valid JSON: ' + e.message, 'headers'); }
        if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
          throw new InputError('Headers must be a JSON object, e.g. { "X-Client": "explorer" }.', 'headers');
        }
        Object.keys(obj).forEach(function (name) {
          var v = obj[name];
          if (v === null || v === undefined) return;
          if (typeof v === 'object') throw new InputError('Header "' + name + '" must be a string, number or boolean.', 'headers');
          try { h.set(name, String(v)); } catch (e) { throw new InputError('Invalid header "' + name + '": ' + e.message, 'headers'); }
        });
        return h;
      }

      function parseVariables() {
        var text = varsEl.value.trim();
        if (!text) return undefined;
        var v;
        try { v = JSON.parse(text); } catch (e) { throw new InputError('Variables are not valid JSON: ' + e.message, 'variables'); }
        if (v === null) return undefined;
        if (typeof v !== 'object' || Array.isArray(v)) throw new InputError('Variables must be a JSON object, e.g. { "first": 5 }.', 'variables');
        return v;
      }

      function setMeta(status, cls, time, reqid) {
        statusEl.textContent = status || '';
        statusEl.className = cls || '';
        timeEl.textContent = time || '';
        reqidEl.textContent = reqid || '';
      }

      function showMessage(text, cls) {
        output.className = cls || '';
        output.textContent = text;
      }

      function showInputError(err) {
        setMeta('Not sent', 'err');
        showMessage(err.message, 'error');
        if (err.where === 'variables' || err.where === 'headers') selectTab(err.where);
        var focusEl = err.where === 'variables' ? varsEl : err.where === 'headers' ? headersEl : err.where === 'token' ? tokenEl : null;
        if (focusEl) focusEl.focus();
      }

      function renderJSON(text) {
        output.className = '';
        clear(output);
        if (text.length > 300000) { output.textContent = text; return; }
        var re = /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
        var frag = document.createDocumentFragment(), last = 0, m;
        function span(cls, s) { var n = document.createElement('span'); n.className = cls; n.textContent = s; return n; }
        while ((m = re.exec(text)) !== null) {
          if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
          if (m[1]) {
            frag.appendChild(span(m[2] ? 'j-key' : 'j-str', m[1]));
            if (m[2]) frag.appendChild(document.createTextNode(m[2]));
          } else {
            frag.appendChild(span(/^[tfn]/.test(m[0]) ? 'j-lit' : 'j-num', m[0]));
          }
          last = re.lastIndex;
        }
        if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
        output.appendChild(frag);
      }

      var inflight = null;

      function run() {
        saveEditors();
        var query = queryEl.value, variables, headers;
        try {
          if (!query.trim()) throw new InputError('The operation editor is empty.', 'query');
          variables = parseVariables();
          headers = buildHeaders();
        } catch (e) {
          if (e instanceof InputError) { showInputError(e); return; }
          throw e;
        }
        var operationName = opSelect.disabled ? undefined : (opSelect.value || undefined);
        addHistory({ query: query, variables: varsEl.value, operationName: operationName || '' });

        if (inflight) inflight.abort();
        var controller = new AbortController();
        inflight = controller;
        setMeta('Running\u2026', '');
        showMessage('Running\u2026', 'muted');
        var started = performance.now();
        var res;
        fetch(location.pathname, {
          method: 'POST',
          headers: headers,
          body: JSON.stringify({ query: query, variables: variables, operationName: operationName }),
          signal: controller.signal,
          credentials: 'same-origin',
          cache: 'no-store'
        }).then(function (r) {
          res = r;
          return r.text();
        }).then(function (text) {
          if (inflight !== controller) return;
          inflight = null;
          var ms = Math.round(performance.now() - started);
          var status = String(res.status) + (res.statusText ? ' ' + res.statusText : '');
          var reqid = res.headers.get('x-request-id');
          var parsed, ok = true;
          try { parsed = JSON.parse(text); } catch (e) { ok = false; }
          var errorCount = ok && parsed && Array.isArray(parsed.errors) ? parsed.errors.length : 0;
          if (errorCount) status += ' \u00b7 ' + errorCount + (errorCount === 1 ? ' error' : ' errors');
          setMeta(status, res.ok && !errorCount ? 'ok' : 'err', ms + ' ms', 'x-request-id: ' + (reqid || '\u2014'));
          if (ok) renderJSON(JSON.stringify(parsed, null, 2));
          else if (text) showMessage(text, '');
          else showMessage('(empty response body)', 'muted');
        }).catch(function (e) {
          if (inflight !== controller) return;
          inflight = null;
          var ms = Math.round(performance.now() - started);
          setMeta('Network error', 'err', ms + ' ms');
          showMessage('The request failed before a response arrived: ' + (e && e.message ? e.message : String(e)), 'error');
        });
      }
      runBtn.addEventListener('click', run);

      // ---- History -------------------------------------------------------------

      function loadHistory() {
        try {
          var list = JSON.parse(store.get(K.history, '[]'));
          return Array.isArray(list) ? list.filter(function (h) { return h && typeof h.query === 'string'; }) : [];
        } catch (e) { return []; }
      }

      function addHistory(entry) {
        var list = loadHistory().filter(function (h) {
          return !(h.query === entry.query && h.variables === entry.variables && h.operationName === entry.operationName);
        });
        entry.at = Date.now();
        list.unshift(entry);
        store.set(K.history, JSON.stringify(list.slice(0, HISTORY_MAX)));
        renderHistory();
      }

      function historyLabel(h) {
        if (h.operationName) return h.operationName;
        var lines = h.query.split('\n');
        for (var i = 0; i < lines.length; i++) {
          var line = lines[i].trim();
          if (line && line.charAt(0) !== '#') return line.length > 60 ? line.slice(0, 60) + '\u2026' : line;
        }
        return '(empty)';
      }

      function renderHistory() {
        var ol = $('history-list');
        clear(ol);
        var list = loadHistory();
        if (!list.length) {
          ol.appendChild(el('li', null, el('div', { class: 'desc', style: 'padding: 8px 12px' }, 'Operations you run appear here (the last ' + HISTORY_MAX + ').')));
          return;
        }
        list.forEach(function (h) {
          var when = '';
          try { when = new Date(h.at).toLocaleString(); } catch (e) { when = ''; }
          ol.appendChild(el('li', null, el('button', {
            type: 'button',
            title: h.query,
            onclick: function () { restore(h); }
          }, el('span', { class: 'h-name' }, historyLabel(h)), el('span', { class: 'h-time' }, when))));
        });
      }

      function restore(h) {
        queryEl.value = h.query;
        varsEl.value = typeof h.variables === 'string' ? h.variables : '';
        if (h.operationName) store.set(K.operation, h.operationName);
        clear(opSelect); // so updateOperations prefers the stored (restored) name
        saveEditors();
        updateOperations();
        selectTab('variables');
        queryEl.focus();
      }

      $('clear-history').addEventListener('click', function () { store.remove(K.history); renderHistory(); });

      // ---- Docs ----------------------------------------------------------------

      var docs = { schema: null, types: {}, stack: [], filter: '', loading: false, error: null };

      function loadSchema() {
        var headers;
        try { headers = buildHeaders(); } catch (e) {
          docs.schema = null;
          docs.error = e instanceof InputError ? e.message : String(e);
          renderDocs();
          return;
        }
        docs.loading = true;
        docs.error = null;
        renderDocs();
        var status = 0;
        fetch(location.pathname, {
          method: 'POST',
          headers: headers,
          body: JSON.stringify({ query: INTROSPECTION, operationName: 'IntrospectionQuery' }),
          credentials: 'same-origin',
          cache: 'no-store'
        }).then(function (r) {
          status = r.status;
          return r.text();
        }).then(function (text) {
          var json;
          try { json = JSON.parse(text); } catch (e) {
            throw new Error('HTTP ' + status + ', the response is not JSON' + (text ? ': ' + text.slice(0, 300) : '.'));
          }
          if (json && Array.isArray(json.errors) && json.errors.length) {
            throw new Error('Introspection failed (HTTP ' + status + '):\n' + json.errors.map(function (er) {
              return '\u2022 ' + (er && er.message ? er.message : JSON.stringify(er));
            }).join('\n'));
          }
          if (!json || !json.data || !json.data.__schema) throw new Error('HTTP ' + status + ', the response holds no schema.');
          setSchema(json.data.__schema);
        }).catch(function (e) {
          docs.schema = null;
          docs.types = {};
          docs.error = e && e.message ? e.message : String(e);
        }).then(function () {
          docs.loading = false;
          renderDocs();
        });
      }

      function setSchema(schema) {
        docs.schema = schema;
        docs.types = {};
        (schema.types || []).forEach(function (t) { if (t && t.name) docs.types[t.name] = t; });
        docs.stack = docs.stack.filter(function (n) { return docs.types[n]; });
      }

      function openType(name) {
        if (!docs.types[name]) return;
        docs.stack.push(name);
        renderDocs();
        docsBody.scrollTop = 0;
      }

      function typeLink(name) {
        return el('button', { type: 'button', class: 'link', onclick: function () { openType(name); } }, name);
      }

      function typeRef(t) {
        if (!t) return '?';
        if (t.kind === 'NON_NULL') return el('span', null, typeRef(t.ofType), '!');
        if (t.kind === 'LIST') return el('span', null, '[', typeRef(t.ofType), ']');
        return docs.types[t.name] ? typeLink(t.name) : el('span', null, t.name || '?');
      }

      function argSignature(args) {
        if (!args || !args.length) return null;
        var multiline = args.length > 2;
        var parts = ['('];
        args.forEach(function (a, i) {
          var one = [el('span', { class: 'aname' }, a.name), ': ', typeRef(a.type)];
          if (a.defaultValue !== null && a.defaultValue !== undefined) one.push(' = ' + a.defaultValue);
          if (multiline) parts.push(el('div', { class: 'arg' }, one));
          else { if (i) parts.push(', '); parts.push(one); }
        });
        parts.push(')');
        return parts;
      }

      function deprecation(x) {
        if (!x.isDeprecated) return null;
        return el('div', { class: 'dep' }, 'Deprecated' + (x.deprecationReason ? ': ' + x.deprecationReason : ''));
      }

      function fieldItem(f) {
        var sig = el('div', { class: 'sig' }, el('span', { class: 'fname' }, f.name), argSignature(f.args), ': ', typeRef(f.type));
        if (f.defaultValue !== null && f.defaultValue !== undefined) add(sig, ' = ' + f.defaultValue);
        var item = el('div', { class: 'item' + (f.isDeprecated ? ' deprecated' : '') }, sig);
        if (f.description) add(item, el('div', { class: 'desc' }, f.description));
        var described = (f.args || []).filter(function (a) { return a.description; });
        if (described.length) {
          add(item, el('ul', { class: 'argdocs' }, described.map(function (a) {
            return el('li', null, el('span', { class: 'aname' }, a.name), ' \u2014 ' + a.description);
          })));
        }
        add(item, deprecation(f));
        return item;
      }

      function kindLabel(kind) {
        return ({ OBJECT: 'type', INTERFACE: 'interface', UNION: 'union', ENUM: 'enum', INPUT_OBJECT: 'input', SCALAR: 'scalar' })[kind] || String(kind || '').toLowerCase();
      }

      function renderDocs() {
        clear(docsBody);
        if (docs.loading) add(docsBody, el('div', { class: 'note' }, 'Loading schema\u2026'));
        if (docs.error) {
          add(docsBody, el('div', { class: 'error' }, docs.error));
          add(docsBody, el('div', { class: 'note' }, 'Check the headers and bearer token, then press Reload schema.'));
        }
        if (!docs.schema) return;
        if (docs.stack.length) renderType(docs.types[docs.stack[docs.stack.length - 1]]);
        else renderRoot();
      }

      function renderRoot() {
        var search = el('input', { id: 'search', type: 'search', placeholder: 'Search types\u2026', 'aria-label': 'Search types', autocomplete: 'off', spellcheck: 'false' });
        search.value = docs.filter;
        var results = el('div');
        search.addEventListener('input', function () { docs.filter = search.value; renderTypeList(results); });
        search.addEventListener('keydown', function (e) {
          if (e.key === 'Enter') {
            var first = results.querySelector('button.link');
            if (first) first.click();
          }
        });
        add(docsBody, search);
        add(docsBody, results);
        renderTypeList(results);
      }

      function renderTypeList(container) {
        clear(container);
        var s = docs.schema;
        var filter = docs.filter.trim().toLowerCase();
        var names = Object.keys(docs.types).sort(function (a, b) { return a.localeCompare(b); });
        if (filter) {
          var hits = names.filter(function (n) { return n.toLowerCase().indexOf(filter) >= 0; });
          add(container, el('h3', null, hits.length + (hits.length === 1 ? ' matching type' : ' matching types')));
          add(container, el('ul', { class: 'list' }, hits.map(function (n) {
            return el('li', null, typeLink(n), el('span', { class: 'kind' }, kindLabel(docs.types[n].kind)));
          })));
          return;
        }
        var roots = [['query', s.queryType], ['mutation', s.mutationType], ['subscription', s.subscriptionType]]
          .filter(function (r) { return r[1] && r[1].name; });
        var rootNames = roots.map(function (r) { return r[1].name; });
        add(container, el('h3', null, 'Root types'));
        add(container, el('ul', { class: 'list' }, roots.map(function (r) {
          return el('li', null, el('span', { class: 'label' }, r[0] + ': '), typeLink(r[1].name));
        })));
        add(container, el('h3', null, 'All types'));
        add(container, el('ul', { class: 'list' }, names.filter(function (n) {
          return rootNames.indexOf(n) < 0 && n.slice(0, 2) !== '__';
        }).map(function (n) {
          return el('li', null, typeLink(n), el('span', { class: 'kind' }, kindLabel(docs.types[n].kind)));
        })));
        var directives = (s.directives || []).slice().sort(function (a, b) { return a.name.localeCompare(b.name); });
        if (directives.length) {
          add(container, el('h3', null, 'Directives'));
          add(container, el('div', null, directives.map(function (d) {
            var sig = el('div', { class: 'sig' }, el('span', { class: 'fname' }, '@' + d.name), argSignature(d.args));
            var item = el('div', { class: 'item' }, sig);
            if (d.description) add(item, el('div', { class: 'desc' }, d.description));
            if (d.locations && d.locations.length) add(item, el('div', { class: 'desc' }, 'on ' + d.locations.join(' | ')));
            return item;
          })));
        }
      }

      function renderType(t) {
        var back = docs.stack.length > 1 ? docs.stack[docs.stack.length - 2] : 'Schema';
        add(docsBody, el('div', { class: 'nav' },
          el('button', { type: 'button', class: 'link', onclick: function () { docs.stack.pop(); renderDocs(); } }, '\u2039 ' + back),
          docs.stack.length > 1 ? el('button', { type: 'button', class: 'link', onclick: function () { docs.stack = []; renderDocs(); } }, 'Schema') : null));
        add(docsBody, el('h2', null, t.name, el('span', { class: 'kind' }, kindLabel(t.kind))));
        if (t.description) add(docsBody, el('div', { class: 'desc' }, t.description));
        if (t.interfaces && t.interfaces.length) {
          add(docsBody, el('h3', null, 'Implements'));
          add(docsBody, el('ul', { class: 'list' }, t.interfaces.map(function (i) { return el('li', null, typeRef(i)); })));
        }
        if (t.fields && t.fields.length) {
          add(docsBody, el('h3', null, 'Fields'));
          add(docsBody, t.fields.map(fieldItem));
        }
        if (t.inputFields && t.inputFields.length) {
          add(docsBody, el('h3', null, 'Input fields'));
          add(docsBody, t.inputFields.map(fieldItem));
        }
        if (t.enumValues && t.enumValues.length) {
          add(docsBody, el('h3', null, 'Values'));
          add(docsBody, t.enumValues.map(function (v) {
            return el('div', { class: 'item' + (v.isDeprecated ? ' deprecated' : '') },
              el('div', { class: 'sig' }, el('span', { class: 'fname' }, v.name)),
              v.description ? el('div', { class: 'desc' }, v.description) : null,
              deprecation(v));
          }));
        }
        if (t.possibleTypes && t.possibleTypes.length) {
          add(docsBody, el('h3', null, t.kind === 'INTERFACE' ? 'Implementations' : 'Possible types'));
          add(docsBody, el('ul', { class: 'list' }, t.possibleTypes.map(function (p) { return el('li', null, typeRef(p)); })));
        }
      }

      $('reload').addEventListener('click', loadSchema);

      // ---- Panels --------------------------------------------------------------

      function showPanel(name) {
        ['docs', 'history'].forEach(function (n) {
          $(n).hidden = n !== name;
          $('toggle-' + n).setAttribute('aria-pressed', String(n === name));
        });
        store.set(K.panel, name || 'none');
      }
      $('toggle-docs').addEventListener('click', function () { showPanel($('docs').hidden ? 'docs' : ''); });
      $('toggle-history').addEventListener('click', function () { showPanel($('history').hidden ? 'history' : ''); });

      // ---- Persistence and start-up ---------------------------------------------

      function saveEditors() {
        store.set(K.query, queryEl.value);
        store.set(K.variables, varsEl.value);
        store.set(K.headers, headersEl.value);
        store.set(K.token, tokenEl.value);
      }
      queryEl.addEventListener('input', function () { store.set(K.query, queryEl.value); updateOperations(); });
      varsEl.addEventListener('input', function () { store.set(K.variables, varsEl.value); });
      headersEl.addEventListener('input', function () { store.set(K.headers, headersEl.value); });
      tokenEl.addEventListener('input', function () { store.set(K.token, tokenEl.value); });

      var savedQuery = store.get(K.query, '');
      queryEl.value = savedQuery.trim() ? savedQuery : EXAMPLE;
      varsEl.value = store.get(K.variables, '');
      headersEl.value = store.get(K.headers, '{}');
      tokenEl.value = store.get(K.token, '');
      updateOperations();
      renderHistory();
      var panel = store.get(K.panel, 'docs');
      showPanel(panel === 'history' ? 'history' : panel === 'none' ? '' : 'docs');
      queryEl.focus();
      loadSchema();
    })();
    </script>
    </body>
    </html>
    """#
}
