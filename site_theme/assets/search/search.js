/*
 * Công Khai search UI: the header box (instant results, arrow keys, Enter, Escape) and the
 * "Tra cứu thủ tục" finder page (facets, full-text section). Loaded on every page; lunr, fold.js,
 * engine.js and the index are fetched only when a citizen starts to search (or opens the finder),
 * once per page, and the browser's HTTP cache keeps them between pages (docs/search.md).
 * Without JavaScript the header box is a plain GET form to the all-procedures table.
 */
(function () {
  "use strict";

  var HERE = (document.currentScript && document.currentScript.src) || "";
  var ASSETS = HERE.replace(/[^/]*$/, "");
  var HEADER_LIMIT = 8;
  var FINDER_PAGE = 20;
  var engines = {};
  var payloads = {};
  var scripts = {};

  /* ---------- loading ---------- */

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = src;
        el.async = true;
        el.onload = resolve;
        el.onerror = function () { reject(new Error(src)); };
        document.head.appendChild(el);
      });
    }
    return scripts[src];
  }

  function loadLibraries() {
    return Promise.all([
      loadScript(ASSETS + "vendor/lunr/lunr.min.js"),
      window.CKFold ? null : loadScript(ASSETS + "fold.js"), // every page has it already (main.html)
      loadScript(ASSETS + "understand.js"),
      loadScript(ASSETS + "rank.js"),
      loadScript(ASSETS + "engine.js")
    ]);
  }

  /** The index file, fetched and parsed once per page. */
  function loadPayload(url) {
    if (!payloads[url]) {
      payloads[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    }
    return payloads[url];
  }

  /** The engine for one index file, created once per page. */
  function loadEngine(url) {
    if (!engines[url]) {
      engines[url] = Promise.all([loadPayload(url), loadLibraries()]).then(function (parts) {
        return window.CKSearch.createEngine(parts[0], window.lunr, window.CKFold);
      });
    }
    return engines[url];
  }

  /**
   * Once the page is idle, download the procedure index and the scripts (not building the engine:
   * that waits for the first search), so results come faster; skipped when the citizen asked
   * the browser to save data. Later pages take both from the HTTP cache.
   */
  function prefetchWhenIdle(url) {
    var saveData = navigator.connection && navigator.connection.saveData;
    if (saveData) return;
    var start = function () { loadPayload(url).catch(function () {}); loadLibraries().catch(function () {}); };
    if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 4000 });
    else window.setTimeout(start, 1500);
  }

  /* ---------- rendering (DOM only, text never becomes markup) ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** Append text to parent with the words that answer the query wrapped in <mark>. */
  function appendMarked(parent, text, parsed) {
    window.CKSearch.highlight(text, parsed, window.CKFold).forEach(function (piece) {
      parent.appendChild(piece.mark ? el("mark", null, piece.text) : document.createTextNode(piece.text));
    });
  }

  /** The alias that answers more query words than the name, if any. */
  function bestAlias(doc, parsed) {
    var S = window.CKSearch, F = window.CKFold;
    var best = null, bestCount = S.wordsAnswered(doc.n, parsed, F);
    (doc.a || []).forEach(function (alias) {
      var count = S.wordsAnswered(alias, parsed, F);
      if (count > bestCount) { best = alias; bestCount = count; }
    });
    return best;
  }

  function fieldName(payload, doc) {
    var field = payload.fields[doc.f];
    return field ? field[1] : "";
  }

  function fact(list, label, value) {
    if (!value) return;
    var item = el("div", "ck-hit__fact");
    item.appendChild(el("dt", null, label));
    item.appendChild(el("dd", null, value));
    list.appendChild(item);
  }

  var STATE_LABELS = { upcoming: "Sắp có hiệu lực", repealed: "Đã bãi bỏ" };

  /**
   * One result: name (marked), alias line, then code, field, time and fee. In the header list the
   * name is plain text (an option of a listbox holds no link; the option itself leads there).
   */
  function renderHit(engine, hit, parsed, root, tag, asOption) {
    var doc = hit.doc;
    var item = el(tag || "div", "ck-hit");
    var link = el(asOption ? "span" : "a", "ck-hit__name");
    if (asOption) item.setAttribute("data-href", root + doc.u);
    else link.href = root + doc.u;
    appendMarked(link, doc.n, parsed);
    item.appendChild(link);
    if (doc.s) item.appendChild(el("span", "ck-hit__state ck-hit__state--" + doc.s, STATE_LABELS[doc.s] || doc.s));
    var alias = bestAlias(doc, parsed);
    if (alias) {
      var aka = el("p", "ck-hit__alias", "Còn gọi là: ");
      appendMarked(aka, alias, parsed);
      item.appendChild(aka);
    }
    var facts = el("dl", "ck-hit__facts");
    if (doc.c) {
      var code = el("div", "ck-hit__fact ck-hit__fact--code");
      code.appendChild(el("dt", null, "Mã"));
      var dd = el("dd");
      appendMarked(dd, doc.c, parsed);
      code.appendChild(dd);
      facts.appendChild(code);
    }
    fact(facts, "Lĩnh vực", fieldName(engine.payload, doc));
    fact(facts, "Thời hạn", doc.t);
    fact(facts, "Phí, lệ phí", doc.p);
    item.appendChild(facts);
    if (doc.end) item.appendChild(el("p", "ck-hit__ends", doc.end));
    return item;
  }

  /* ---------- header box ---------- */

  function HeaderBox(box) {
    this.box = box;
    this.form = box.querySelector("form");
    this.input = box.querySelector("input.ck-site-search__input");
    this.list = box.querySelector("[role=listbox]");
    this.status = box.querySelector("[data-ck-status]");
    this.root = box.getAttribute("data-ck-root").replace(/\/?$/, "/");
    this.indexUrl = box.getAttribute("data-ck-index");
    this.finderUrl = box.getAttribute("data-ck-finder");
    this.active = -1;
    this.pending = false;
    this.bind();
  }

  HeaderBox.prototype.bind = function () {
    var self = this;
    var warm = function () { self.engine(); };
    this.input.addEventListener("focus", warm);
    this.input.addEventListener("input", function () { self.schedule(); });
    this.input.addEventListener("keydown", function (e) { self.onKey(e); });
    this.form.addEventListener("submit", function (e) { self.onSubmit(e); });
    var toggle = this.box.querySelector("[data-ck-toggle]");
    if (toggle) toggle.addEventListener("click", function (e) { e.preventDefault(); self.open(); });
    var close = this.box.querySelector("[data-ck-close]");
    if (close) close.addEventListener("click", function () { self.close(true); });
    this.list.addEventListener("click", function (e) { self.onOptionClick(e); });
    document.addEventListener("click", function (e) { if (!self.box.contains(e.target)) self.hide(); });
    document.addEventListener("keydown", function (e) { self.onGlobalKey(e); });
    if (this.input.value) this.schedule();
    var indexUrl = this.indexUrl;
    if (document.readyState === "complete") prefetchWhenIdle(indexUrl);
    else window.addEventListener("load", function () { prefetchWhenIdle(indexUrl); });
  };

  HeaderBox.prototype.engine = function () {
    var self = this;
    return loadEngine(this.indexUrl).catch(function (err) {
      self.say("Không tải được dữ liệu tìm kiếm. Hãy xem bảng tất cả thủ tục.");
      throw err;
    });
  };

  HeaderBox.prototype.open = function () {
    this.box.classList.add("ck-site-search--open");
    this.input.focus();
  };

  HeaderBox.prototype.close = function (collapse) {
    this.hide();
    if (collapse) this.box.classList.remove("ck-site-search--open");
  };

  HeaderBox.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  HeaderBox.prototype.schedule = function () {
    if (this.pending) return;
    this.pending = true;
    var self = this;
    this.engine().then(function (engine) {
      requestAnimationFrame(function () {
        self.pending = false;
        self.update(engine);
      });
    }, function () { self.pending = false; });
  };

  HeaderBox.prototype.update = function (engine) {
    var query = this.input.value;
    var result = engine.search(query, { limit: HEADER_LIMIT });
    this.list.textContent = "";
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    if (!result.words.length) { this.hide(); this.say(""); return; }
    var self = this;
    result.hits.forEach(function (hit, i) {
      var option = renderHit(engine, hit, result, self.root, "li", true);
      option.id = "ck-site-search-option-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      self.list.appendChild(option);
    });
    var more = el("li", "ck-site-search__more");
    more.id = "ck-site-search-option-more";
    more.setAttribute("role", "option");
    more.setAttribute("aria-selected", "false");
    more.appendChild(el("span", null, result.hits.length
      ? "Xem tất cả kết quả và lọc theo lĩnh vực →"
      : "Không có thủ tục nào khớp. Xem gợi ý trong trang Tra cứu →"));
    more.setAttribute("data-href", this.finderUrl + "?q=" + encodeURIComponent(query));
    this.list.appendChild(more);
    this.show();
    this.say(result.hits.length ? result.hits.length + " thủ tục phù hợp nhất." : "Không có kết quả.");
  };

  HeaderBox.prototype.options = function () {
    return this.list.querySelectorAll("[role=option]");
  };

  HeaderBox.prototype.show = function () {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  HeaderBox.prototype.hide = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  HeaderBox.prototype.move = function (step) {
    var options = this.options();
    if (!options.length) return;
    if (this.list.hidden) this.show();
    if (this.active >= 0) options[this.active].setAttribute("aria-selected", "false");
    var states = options.length + 1; // no choice, then each option
    this.active = (this.active + 1 + step + states) % states - 1;
    if (this.active < 0) { this.input.removeAttribute("aria-activedescendant"); return; }
    var option = options[this.active];
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  };

  HeaderBox.prototype.onKey = function (e) {
    if (e.key === "ArrowDown" || e.key === "Down") { e.preventDefault(); this.move(1); }
    else if (e.key === "ArrowUp" || e.key === "Up") { e.preventDefault(); this.move(-1); }
    else if (e.key === "Escape" || e.key === "Esc") {
      e.preventDefault();
      if (!this.list.hidden) this.hide();
      else if (this.input.value) { this.input.value = ""; this.say(""); }
      else { this.close(true); this.input.blur(); }
    }
  };

  /** A click anywhere on a result opens it. */
  HeaderBox.prototype.onOptionClick = function (e) {
    var option = e.target.closest ? e.target.closest("[role=option]") : null;
    if (option && option.getAttribute("data-href")) window.location.href = option.getAttribute("data-href");
  };

  HeaderBox.prototype.onSubmit = function (e) {
    e.preventDefault();
    var options = this.options();
    var chosen = this.active >= 0 ? options[this.active] : null;
    var href = chosen ? chosen.getAttribute("data-href") : null;
    var query = this.input.value.trim();
    if (href) window.location.href = href;
    else if (query) window.location.href = this.finderUrl + "?q=" + encodeURIComponent(query);
  };

  HeaderBox.prototype.onGlobalKey = function (e) {
    var target = e.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.open();
    }
  };

  /* ---------- finder page ---------- */

  var FACETS = ["linh-vuc", "cap", "co-quan", "truc-tuyen", "su-kien", "mien-phi"];

  function Finder(page, box) {
    this.page = page;
    this.form = page.querySelector("form");
    this.input = this.form.querySelector("input[type=search]");
    this.count = page.querySelector("[data-ck-count]");
    this.list = page.querySelector("[data-ck-results]");
    this.moreButton = page.querySelector("[data-ck-more]");
    this.fullSection = page.querySelector("[data-ck-fulltext]");
    this.fullList = page.querySelector("[data-ck-fulltext-results]");
    this.none = page.querySelector("[data-ck-none]");
    this.browse = page.querySelector("[data-ck-browse]");
    this.root = box ? box.root : page.getAttribute("data-ck-root").replace(/\/?$/, "/");
    this.indexUrl = page.getAttribute("data-ck-index");
    this.fullUrl = page.getAttribute("data-ck-fulltext-index");
    this.shown = FINDER_PAGE;
    this.start();
  }

  Finder.prototype.start = function () {
    var self = this;
    this.readUrl();
    page_reveal(this.page);
    this.form.addEventListener("input", function () { self.shown = FINDER_PAGE; self.refresh(true); });
    this.form.addEventListener("change", function () { self.shown = FINDER_PAGE; self.refresh(true); });
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.refresh(true); });
    if (this.moreButton) this.moreButton.addEventListener("click", function () { self.shown += FINDER_PAGE; self.refresh(false); });
    this.count.textContent = "Đang tải dữ liệu tìm kiếm…";
    loadEngine(this.indexUrl).then(function (engine) {
      self.engine = engine;
      self.refresh(false);
    }, function () {
      self.count.textContent = "Không tải được dữ liệu tìm kiếm. Hãy xem bảng tất cả thủ tục.";
    });
  };

  function page_reveal(page) {
    var nojs = page.querySelector("[data-ck-nojs]");
    if (nojs) nojs.hidden = true;
    var ui = page.querySelector("[data-ck-ui]");
    if (ui) ui.hidden = false;
  }

  Finder.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var form = this.form;
    var filters = this.page.querySelector("[data-ck-filters]");
    var chosen = FACETS.some(function (name) { return params.has(name); });
    if (filters && (chosen || window.matchMedia("(min-width: 60em)").matches)) filters.open = true;
    if (params.has("q")) this.input.value = params.get("q");
    FACETS.forEach(function (name) {
      var field = form.elements[name];
      if (!field || !params.has(name)) return;
      if (field.type === "checkbox") field.checked = params.get(name) === "1";
      else field.value = params.get(name);
    });
  };

  Finder.prototype.writeUrl = function () {
    var params = new URLSearchParams();
    if (this.input.value.trim()) params.set("q", this.input.value.trim());
    var form = this.form;
    FACETS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      if (field.type === "checkbox") { if (field.checked) params.set(name, "1"); }
      else if (field.value) params.set(name, field.value);
    });
    var search = params.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  };

  /** Facet choices as the engine wants them (positions in the payload tables). */
  Finder.prototype.facets = function () {
    var p = this.engine.payload, form = this.form;
    var value = function (name) { var f = form.elements[name]; return f ? f.value : ""; };
    var position = function (table, slug) {
      for (var i = 0; i < table.length; i++) if (table[i][0] === slug) return i;
      return slug ? -2 : "";
    };
    return {
      field: position(p.fields, value("linh-vuc")),
      level: value("cap"),
      office: position(p.offices, value("co-quan")),
      online: position(p.online, value("truc-tuyen")),
      event: position(this.engine.events, value("su-kien")),
      free: form.elements["mien-phi"] && form.elements["mien-phi"].checked
    };
  };

  Finder.prototype.refresh = function (fromUser) {
    if (!this.engine) return;
    if (fromUser) this.writeUrl();
    var result = this.engine.search(this.input.value, { facets: this.facets() });
    this.render(result);
    this.refreshFullText(result);
  };

  Finder.prototype.render = function (result) {
    var self = this, hits = result.hits;
    this.list.textContent = "";
    hits.slice(0, this.shown).forEach(function (hit) {
      self.list.appendChild(renderHit(self.engine, hit, result, self.root, "li"));
    });
    /* one count with the home page: procedures in force; upcoming and repealed ones said apart */
    var active = hits.filter(function (hit) { return !hit.doc.s; }).length;
    var others = hits.length - active;
    var split = active + " thủ tục đang áp dụng" + (others ? " (và " + others + " thủ tục sắp áp dụng hoặc đã bãi bỏ)" : "");
    this.count.textContent = result.words.length
      ? (hits.length ? hits.length + " thủ tục phù hợp: " + split : "Không thấy thủ tục nào có tên phù hợp.")
      : split;
    if (this.moreButton) this.moreButton.hidden = hits.length <= this.shown;
    this.page.setAttribute("data-ck-ready", "");
    var facets = this.facets();
    if (this.browse) this.browse.hidden = result.words.length > 0 || facets.event !== "";
    this.renderNone(result);
  };

  /**
   * Nothing fits: say so, offer the closest life events and lĩnh vực (from the engine) and the
   * hotline (in the page); no procedure is shown as a match.
   */
  Finder.prototype.renderNone = function (result) {
    if (!this.none) return;
    var empty = result.unmatched || !result.hits.length;
    this.none.hidden = !empty;
    if (!empty) return;
    var p = this.engine.payload, events = this.engine.events;
    var title = this.none.querySelector("[data-ck-none-title]");
    var typed = this.input.value.trim();
    title.textContent = typed ? "Không có thủ tục nào khớp với «" + typed + "»." : "Không có thủ tục nào khớp với bộ lọc đã chọn.";
    var eventList = this.none.querySelector("[data-ck-none-events]");
    var fieldList = this.none.querySelector("[data-ck-none-fields]");
    eventList.textContent = "";
    fieldList.textContent = "";
    var suggest = result.suggest || { events: [], fields: [] };
    var chosen = suggest.events.length ? suggest.events : events.map(function (e, i) { return i; });
    chosen.forEach(function (i) {
      var link = el("a", "ck-events__link", events[i][1]);
      link.href = "?su-kien=" + encodeURIComponent(events[i][0]);
      var item = el("li");
      item.appendChild(link);
      eventList.appendChild(item);
    });
    var fields = suggest.fields.length ? suggest.fields : p.fields.map(function (f, i) { return i; });
    fields.forEach(function (i) {
      var link = el("a", null, p.fields[i][1]);
      link.href = "?linh-vuc=" + encodeURIComponent(p.fields[i][0]);
      var item = el("li");
      item.appendChild(link);
      fieldList.appendChild(item);
    });
    this.none.querySelector("[data-ck-none-fields-intro]").hidden = !fields.length;
  };

  /** Below the name results: procedures and pages whose text (steps, documents…) has the words. */
  Finder.prototype.refreshFullText = function (result) {
    var self = this;
    if (!this.fullUrl || !this.fullSection) return;
    if (!result.words.length) { this.fullSection.hidden = true; return; }
    var query = this.input.value, seen = {};
    result.hits.forEach(function (hit) { seen[hit.doc.u] = true; });
    loadEngine(this.fullUrl).then(function (full) {
      if (self.input.value !== query) return;
      var hits = full.search(query, { limit: 10, skip: seen, facets: null }).hits.filter(function (h) { return !seen[h.doc.u]; });
      self.fullList.textContent = "";
      hits.forEach(function (hit) { self.fullList.appendChild(renderFullTextHit(full, hit, result, self.root)); });
      self.fullSection.hidden = hits.length === 0;
    }, function () { self.fullSection.hidden = true; });
  };

  function renderFullTextHit(full, hit, parsed, root) {
    var item = el("li", "ck-hit ck-hit--fulltext");
    var link = el("a", "ck-hit__name");
    link.href = root + hit.doc.u;
    appendMarked(link, hit.doc.n, parsed);
    item.appendChild(link);
    if (hit.fields && hit.fields.length) {
      var labels = full.payload.labels || {};
      var where = hit.fields.map(function (f) { return labels[f] || f; }).join(", ");
      item.appendChild(el("p", "ck-hit__where", "Có trong: " + where));
    }
    return item;
  }

  /* ---------- start ---------- */

  function init() {
    var boxes = document.querySelectorAll("[data-ck-site-search]");
    var header = null;
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].ckSearch) boxes[i].ckSearch = new HeaderBox(boxes[i]);
      header = boxes[i].ckSearch;
    }
    var finder = document.querySelector("[data-ck-finder-page]");
    if (finder && !finder.ckFinder) finder.ckFinder = new Finder(finder, header);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
