/* Công Khai plan pages: "Đất của tôi có nằm trong kế hoạch không?" — offline, in the browser.
   (a) former commune + map sheet + parcel → the projects that list it (from the project list);
   (b) a point (tap on the map, typed "lat, lon", or the device's own location) → the project areas
   that contain it or lie within the chosen distance. Nothing is sent anywhere: the data is inlined
   in the page (#ck-plan-data) and the geometry is computed here, with the same local projection
   the build uses (generator/plans/geometry.py). */
(function () {
  "use strict";
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function norm(text) { return String(text || "").trim().replace(/^0+(?=\d)/, "").toUpperCase(); }

  function Plan(root) {
    this.root = root;
    this.data = JSON.parse(document.getElementById("ck-plan-data").textContent);
    this.svg = root.querySelector(".ck-plan-map__svg");
    var d = this.svg.dataset;
    this.p = { lon0: +d.lon0, lat0: +d.lat0, kx: +d.kx, ky: +d.ky, s: +d.scale, minX: +d.minX, maxY: +d.maxY, pad: +d.pad };
    this.result = root.querySelector("[data-ck-result]");
  }
  Plan.prototype.toXY = function (lon, lat) { return [(lon - this.p.lon0) * this.p.kx, (lat - this.p.lat0) * this.p.ky]; };
  Plan.prototype.fromPx = function (px, py) {
    var x = (px - this.p.pad) / this.p.s + this.p.minX, y = this.p.maxY - (py - this.p.pad) / this.p.s;
    return [this.p.lon0 + x / this.p.kx, this.p.lat0 + y / this.p.ky];
  };
  function inRing(pt, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a[1] > pt[1]) !== (b[1] > pt[1]) && pt[0] < (b[0] - a[0]) * (pt[1] - a[1]) / (b[1] - a[1]) + a[0]) { inside = !inside; }
    }
    return inside;
  }
  function segDist(p, a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  }
  Plan.prototype.distance = function (pt, project) {
    var self = this, best = Infinity;
    project.rings.forEach(function (raw) {
      var ring = raw.map(function (q) { return self.toXY(q[0], q[1]); });
      if (inRing(pt, ring)) { best = 0; return; }
      for (var i = 1; i < ring.length; i++) { best = Math.min(best, segDist(pt, ring[i - 1], ring[i])); }
    });
    return best;
  };
  Plan.prototype.byParcel = function (commune, sheet, parcel) {
    sheet = norm(sheet); parcel = norm(parcel);
    return this.data.projects.filter(function (project) {
      return project.where.some(function (w) {
        if (w[0] !== commune || norm(w[1]) !== sheet) { return false; }
        return !parcel || !w[2].length || w[2].some(function (t) { return norm(t) === parcel; });
      });
    });
  };
  Plan.prototype.byPoint = function (lon, lat, metres) {
    var self = this, pt = this.toXY(lon, lat);
    return this.data.projects.map(function (project) { return { project: project, d: self.distance(pt, project) }; })
      .filter(function (hit) { return hit.d <= metres; })
      .sort(function (a, b) { return a.d - b.d; });
  };
  Plan.prototype.show = function (title, hits) {
    var box = this.result, self = this;
    box.textContent = "";
    box.appendChild(el("p", title, "ck-lookup__question"));
    this.svg.querySelectorAll(".ck-plan-map__hit").forEach(function (n) { n.classList.remove("ck-plan-map__hit"); });
    if (!hits.length) {
      box.appendChild(el("p", "Không thấy công trình nào trong danh mục của kế hoạch này ứng với thông tin đã nhập.", "ck-lookup__none"));
      return;
    }
    var list = el("ul", null, "ck-lookup__hits");
    hits.forEach(function (hit) {
      var p = hit.project || hit, item = el("li");
      var link = el("a", p.n + ". " + p.name);
      link.href = "#ct-" + p.id;
      item.appendChild(link);
      var extra = " — " + p.code + ", " + String(p.area).replace(".", ",") + " ha" + (p.recovery ? ", có thu hồi đất" : ", không thu hồi đất");
      if (hit.d !== undefined) { extra += hit.d === 0 ? " (điểm nằm trong vùng)" : " (cách khoảng " + Math.round(hit.d) + " m)"; }
      item.appendChild(document.createTextNode(extra));
      list.appendChild(item);
      var shape = self.svg.querySelector('[data-project="' + p.id + '"]');
      if (shape) { shape.classList.add("ck-plan-map__hit"); }
    });
    box.appendChild(list);
  };
  Plan.prototype.marker = function (lon, lat) {
    var xy = this.toXY(lon, lat), ns = "http://www.w3.org/2000/svg";
    var px = (xy[0] - this.p.minX) * this.p.s + this.p.pad, py = (this.p.maxY - xy[1]) * this.p.s + this.p.pad;
    var old = this.svg.querySelector(".ck-plan-map__marker");
    if (old) { old.remove(); }
    var dot = document.createElementNS(ns, "circle");
    dot.setAttribute("class", "ck-plan-map__marker");
    dot.setAttribute("cx", px.toFixed(1)); dot.setAttribute("cy", py.toFixed(1)); dot.setAttribute("r", "7");
    this.svg.appendChild(dot);
  };
  Plan.prototype.point = function (lon, lat) {
    var metres = +this.root.querySelector("[data-ck-point-form] [name=khoang]").value;
    this.marker(lon, lat);
    var where = "Vị trí " + lat.toFixed(5) + ", " + lon.toFixed(5) + (metres ? " (trong phạm vi " + metres + " m):" : ":");
    this.show(where, this.byPoint(lon, lat, metres));
  };
  function parseLatLon(text) {
    var clean = String(text).trim();
    var parts = clean.indexOf(".") >= 0 ? clean.split(/[\s,;]+/) : clean.split(/[\s;]+/).map(function (s) { return s.replace(",", "."); });
    var a = parseFloat(parts[0]), b = parseFloat(parts[1]);
    if (parts.length !== 2 || !isFinite(a) || !isFinite(b)) { return null; }
    return a > 90 ? [a, b] : [b, a];
  }
  Plan.prototype.wire = function () {
    var self = this, root = this.root;
    root.querySelector("[data-ck-lookup]").hidden = false;
    var select = root.querySelector("[data-ck-commune]");
    this.data.communes.forEach(function (c) { var o = el("option", c[1]); o.value = c[0]; select.appendChild(o); });
    root.querySelector("[data-ck-parcel-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var f = event.target, name = select.options[select.selectedIndex].text;
      var asked = name + ", tờ " + f.to.value.trim() + (f.thua.value.trim() ? ", thửa " + f.thua.value.trim() : "") + ":";
      self.show(asked, self.byParcel(select.value, f.to.value, f.thua.value));
    });
    root.querySelector("[data-ck-point-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var ll = parseLatLon(event.target.toado.value);
      if (!ll) { self.result.textContent = "Hãy nhập vĩ độ và kinh độ, ví dụ 20.9150, 106.3550."; return; }
      self.point(ll[0], ll[1]);
    });
    this.svg.addEventListener("click", function (event) {
      var pt = self.svg.createSVGPoint();
      pt.x = event.clientX; pt.y = event.clientY;
      var local = pt.matrixTransform(self.svg.getScreenCTM().inverse());
      var ll = self.fromPx(local.x, local.y);
      root.querySelector("[data-ck-point-form] [name=toado]").value = ll[1].toFixed(6) + ", " + ll[0].toFixed(6);
      self.point(ll[0], ll[1]);
    });
    var zoom = root.querySelector("[data-ck-zoom]");
    zoom.hidden = false;
    zoom.addEventListener("click", function () {
      zoom.disabled = true;
      self.zoom().then(function () { zoom.hidden = true; }, function () { zoom.disabled = false; });
    });
    var locate = root.querySelector("[data-ck-locate]");
    if (!navigator.geolocation) { locate.hidden = true; return; }
    locate.addEventListener("click", function () {
      self.result.textContent = "Đang lấy vị trí trên máy của bạn…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        root.querySelector("[data-ck-point-form] [name=toado]").value = pos.coords.latitude.toFixed(6) + ", " + pos.coords.longitude.toFixed(6);
        self.point(pos.coords.longitude, pos.coords.latitude);
      }, function () { self.result.textContent = "Không lấy được vị trí (chưa cho phép hoặc không có tín hiệu). Hãy chạm vào bản đồ hoặc nhập tọa độ."; });
    });
  };
  /* Optional pan and zoom: the vendored Leaflet (assets/vendor/leaflet, loaded only when asked) over
     the same data, on a blank background — no tiles, no outside request. A tap runs the point lookup. */
  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      node.onload = resolve; node.onerror = reject;
      document.head.appendChild(node);
    });
  }
  function latlngs(rings) { return rings.map(function (r) { return r.map(function (p) { return [p[1], p[0]]; }); }); }
  Plan.prototype.zoom = function () {
    var self = this, box = this.root.querySelector("[data-ck-zoom-map]"), base = this.root.getAttribute("data-ck-assets") + "vendor/leaflet/";
    var ready = window.L ? Promise.resolve() : Promise.all([
      load("link", { rel: "stylesheet", href: base + "leaflet.css" }), load("script", { src: base + "leaflet.js" })]);
    return ready.then(function () {
      box.hidden = false;
      self.svg.closest(".ck-plan-map").classList.add("ck-plan-map--zoomed");
      if (self.map) { self.map.invalidateSize(); return; }
      var map = self.map = window.L.map(box, { attributionControl: false, zoomSnap: 0.25 });
      var all = window.L.featureGroup().addTo(map);
      self.data.zones.forEach(function (z) {
        window.L.polygon(latlngs(z.rings), { color: "#888", weight: 1, fillColor: z.colour, fillOpacity: 1 })
          .bindTooltip(z.code + " – " + z.name).addTo(all);
      });
      self.data.projects.forEach(function (p) {
        var shape = window.L.polygon(latlngs(p.rings), { color: "#b00020", weight: 2, fillColor: p.colour, fillOpacity: 1 });
        shape.bindTooltip(p.n + ". " + p.name + " (" + p.code + ")", { permanent: false });
        shape.on("click", function (e) { window.L.DomEvent.stopPropagation(e); self.point(e.latlng.lng, e.latlng.lat); });
        shape.addTo(all);
      });
      if (self.data.boundary.length) {
        window.L.polygon(latlngs(self.data.boundary), { color: "#333", weight: 2, dashArray: "8 4", fill: false, interactive: false }).addTo(all);
      }
      window.L.control.scale({ imperial: false }).addTo(map);
      map.fitBounds(all.getBounds());
      map.on("click", function (e) { self.point(e.latlng.lng, e.latlng.lat); });
    });
  };
  function init() {
    var root = document.querySelector("[data-ck-plan]");
    if (root && document.getElementById("ck-plan-data")) {
      root.ckPlan = new Plan(root);  /* reachable for tests and the browser console */
      root.ckPlan.wire();
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
