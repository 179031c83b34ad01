/* « Trouver une MDS »: what only the browser can do, with no code sent by the server (the
   Content-Security-Policy forbids eval). Plain JS, no dependency, loaded on every page like app.js.

   - Position and share: the buttons' event chains (compiled into the page) call
     window.ptiLocator.locate() / .share(); the result goes to the page's state by submitting a
     hidden form, whose on_submit is the state's handler. Coordinates travel only to the server
     over the websocket, never in the URL.
   - Address bar and focus: the state writes requests as data attributes on [data-locator-signals];
     an observer here applies them once React has drawn the page (the new heading exists by then). */
(function () {
  "use strict";
  if (window.ptiLocator) return;

  function byId(id) { return document.getElementById(id); }

  /* ---- Hand a result to the state: fill a hidden form and submit it ---- */
  function submit(formId, values) {
    var form = byId(formId);
    if (!form) return;
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) field.value = values[name] == null ? "" : String(values[name]);
    });
    // Later, never inside the click: the state's own handler for the click is sent first.
    window.setTimeout(function () {
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    }, 0);
  }

  /* ---- « Utiliser ma position »: the browser asks the person first, only on this press ---- */
  var GPS_CODES = { 1: "denied", 2: "unavailable", 3: "timeout" };
  function locate() {
    var send = function (lat, lon, error) { submit("locator-gps-form", { lat: lat, lon: lon, error: error }); };
    if (!navigator.geolocation) { send("", "", "unsupported"); return; }
    navigator.geolocation.getCurrentPosition(
      function (p) { send(p.coords.latitude, p.coords.longitude, ""); },
      function (e) { send("", "", GPS_CODES[e && e.code] || "unavailable"); },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
    );
  }

  /* ---- Share the list: Web Share API, else the clipboard, else a field to copy by hand ----
     The link holds only ?q=<town> (and the filter): never a position or an address. */
  function share() {
    var button = byId("locator-share");
    if (!button) return;
    var query = button.getAttribute("data-share-q") || "";
    var kind = button.getAttribute("data-share-kind") || "all";
    var url = location.origin + location.pathname + "?q=" + encodeURIComponent(query) +
      (kind !== "all" ? "&kind=" + encodeURIComponent(kind) : "");
    var send = function (status) { submit("locator-share-form", { status: status, url: url }); };
    if (navigator.share) {
      navigator.share({ title: document.title, url: url }).then(
        function () { send("shared"); },
        function (e) { send(e && e.name === "AbortError" ? "" : "failed"); }
      );
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { send("copied"); }, function () { send("failed"); });
    } else {
      send("failed");
    }
  }

  /* ---- Focus: wait (briefly) until the element is shown; open a closed <details> around it ---- */
  var focusRun = 0;
  function focusWhenShown(id) {
    var run = ++focusRun;
    var tries = 0;
    (function attempt() {
      if (run !== focusRun || !id) return;
      var el = byId(id);
      for (var d = el && el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
        if (!d.open) d.open = true;
      }
      if (el && el.offsetParent !== null) {
        el.focus();
        if (el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
      } else if (++tries < 40) {
        window.setTimeout(attempt, 25);
      }
    })();
  }

  /* ---- Address bar: ?q=<town> after a town search, bare after a position or an address ---- */
  function showQuery(query) {
    if (location.search === query) return;
    history.replaceState(history.state, "", location.pathname + query + location.hash);
  }

  /* ---- The state's requests, read from [data-locator-signals] ----
     Until the page is live (data-live="true") the values may be an earlier visit's, sent back
     when the page reconnects: focus requests are dropped then, and the address bar waits for
     the value the page's own load writes. */
  var urlPending = false;
  function onSignals(records) {
    var el = null, url = false, focus = false;
    records.forEach(function (r) {
      if (!r.target.hasAttribute("data-locator-signals")) return;
      el = r.target;
      if (r.attributeName === "data-url-seq" || r.attributeName === "data-live") url = true;
      if (r.attributeName === "data-focus-seq") focus = true;
    });
    if (!el) return;
    if (url) urlPending = true;
    if (el.getAttribute("data-live") !== "true") return;
    if (urlPending) {
      urlPending = false;
      if (el.getAttribute("data-url-seq") !== "0") showQuery(el.getAttribute("data-url") || "");
    }
    if (focus) focusWhenShown(el.getAttribute("data-focus") || "");
  }
  new MutationObserver(onSignals).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-url-seq", "data-focus-seq", "data-live"],
  });

  window.ptiLocator = { locate: locate, share: share };
})();
