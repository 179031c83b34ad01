/* pti_citizen client script: display settings, read-aloud, way of use, kiosk reset, checklists,
   offline service worker and notice. Plain JS, no dependency. Runs on every page: the server-rendered
   pages (no React: config "hydrates": false) and the Reflex pages, where it works before hydration.
   Everything the user chooses stays in this browser (localStorage / sessionStorage). */
(function () {
  "use strict";
  if (window.pti) return;
  var doc = document.documentElement;
  var store = safeStorage("localStorage");
  var session = safeStorage("sessionStorage");
  var KEEP_ON_WIPE = ["pti_mode", "pti_text_size", "pti_contrast", "pti_kiosk_idle"];

  /* « Continuer sur mon téléphone »: the simulator's address with the answers in its fragment
     (#r1.…, handover/answers_link.py). A fragment is never sent in a request; it goes into this tab's
     storage, where the wizard's state reads it once, and out of the address bar (and history). */
  (function handOver() {
    if (!/^#r[0-9]/.test(location.hash) || !/^\/[a-z]{2}\/simulateur\/?$/.test(location.pathname)) return;
    // Cut just above the longest link we make (MAX_FRAGMENT_CHARS): longer, it is refused, said plainly.
    session.setItem("pti_simulateur_lien", location.hash.slice(1, 2101));
    try { history.replaceState(history.state, "", location.pathname + location.search); } catch (e) { /* kept: harmless */ }
  })();

  /* The Reflex pages' modules are preloaded one frame after the first paint (web/preloads.py serves
     them as rel="pti-module"): the text and its stylesheet get the slow line first. */
  (function preloadModulesAfterPaint() {
    var links = document.querySelectorAll('link[rel="pti-module"]');
    if (!links.length) return;
    function preload() {
      links.forEach(function (link) {
        var module = document.createElement("link");
        module.rel = "modulepreload"; module.href = link.getAttribute("href");
        document.head.appendChild(module);
      });
    }
    if (window.requestAnimationFrame) window.requestAnimationFrame(function () { window.setTimeout(preload, 0); });
    else preload();
  })();

  function safeStorage(name) {
    try { var s = window[name]; s.setItem("pti_probe", "1"); s.removeItem("pti_probe"); return s; }
    catch (e) { return { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {}, clear: function () {}, key: function () { return null; }, length: 0 }; }
  }
  function config() {
    var node = document.getElementById("pti-config");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }
  function msg(key) { var m = config().messages || {}; return m[key] || ""; }
  // False on the server-rendered pages: no React will take the page over, nothing to wait for.
  function hydrates() { return config().hydrates !== false; }
  function announce(text) {
    var live = document.getElementById("live-region");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function byId(id) { return document.getElementById(id); }

  /* ---- Display: text size (1..4) and high contrast ---- */
  function textSize() { return Math.min(4, Math.max(1, parseInt(store.getItem("pti_text_size") || "1", 10) || 1)); }
  function setTextSize(n) { n = Math.min(4, Math.max(1, n)); store.setItem("pti_text_size", String(n)); doc.dataset.textSize = String(n); }
  function syncContrast() {
    var on = store.getItem("pti_contrast") === "high";
    if (on) doc.dataset.contrast = "high"; else delete doc.dataset.contrast;
    var b = byId("contrast-toggle"); if (b) b.setAttribute("aria-pressed", on ? "true" : "false");
  }

  /* ---- Way of use ---- */
  function mode() { return store.getItem("pti_mode") || ""; }
  function syncMode() {
    var m = mode();
    if (m) doc.dataset.mode = m; else delete doc.dataset.mode;
    document.querySelectorAll("[data-set-mode]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-set-mode") === m ? "true" : "false");
    });
    kioskArm();
  }

  /* ---- Read aloud (Web Speech API) ---- */
  var speech = window.speechSynthesis;
  var reading = false;
  function listenStatus(text) { var s = byId("listen-status"); if (s) s.textContent = text; }
  function voiceFor(lang) {
    var voices = speech.getVoices() || [];
    for (var i = 0; i < voices.length; i++) { if ((voices[i].lang || "").toLowerCase().indexOf(lang) === 0) return voices[i]; }
    return null;
  }
  function readableParts() {
    // Block by block, visible text only, skipping what is not content (breadcrumb, hidden variants).
    var main = document.querySelector("main");
    if (!main) return [];
    var blocks = main.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, legend, summary, th, td");
    var parts = [];
    blocks.forEach(function (el) {
      if (el.closest(".no-read, [aria-hidden='true'], [hidden]")) return;
      if (el.querySelector("p, li, dt, dd")) return;  // read the inner blocks instead
      if (!el.offsetParent && getComputedStyle(el).position !== "fixed") return;
      var text = (el.innerText || "").replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }
  function startReading() {
    var bar = byId("listen-bar");
    if (bar) bar.hidden = false;
    var toggle = byId("listen-toggle"); if (toggle) toggle.setAttribute("aria-expanded", "true");
    if (!speech || typeof window.SpeechSynthesisUtterance === "undefined") { listenStatus(msg("noSpeech")); return; }
    var lang = doc.lang || "fr";
    var go = function () {
      var voice = voiceFor(lang);
      if (!voice) { listenStatus(msg("noVoice")); return; }
      speech.cancel();
      var rate = parseFloat((byId("listen-rate") || {}).value || "1") || 1;
      // Long pages are read paragraph by paragraph: some engines stop after ~15 s of one utterance.
      var parts = readableParts();
      parts.forEach(function (part, index) {
        var u = new SpeechSynthesisUtterance(part);
        u.lang = voice.lang; u.voice = voice; u.rate = rate;
        if (index === parts.length - 1) u.onend = function () { reading = false; listenStatus(msg("stopped")); };
        speech.speak(u);
      });
      reading = true; listenStatus(msg("reading"));
      var p = byId("listen-pause"); if (p) p.textContent = msg("pause");
    };
    if ((speech.getVoices() || []).length) go();
    else { var done = false; speech.onvoiceschanged = function () { if (!done) { done = true; go(); } }; window.setTimeout(function () { if (!done) { done = true; go(); } }, 1200); }
  }
  function togglePause() {
    if (!speech) return;
    var p = byId("listen-pause");
    if (speech.paused) { speech.resume(); listenStatus(msg("reading")); if (p) p.textContent = msg("pause"); }
    else if (reading) { speech.pause(); listenStatus(msg("paused")); if (p) p.textContent = msg("resume"); }
  }
  function stopReading() {
    if (speech) speech.cancel();
    reading = false; listenStatus(msg("stopped"));
  }

  /* ---- Kiosk (mediator mode): erase everything after inactivity ---- */
  var idleTimer = null, warnTimer = null, countdown = null;
  function kioskLimits() {
    var c = config();
    var idle = parseInt(store.getItem("pti_kiosk_idle") || "", 10) || c.kioskIdle || 180;
    idle = Math.max(5, idle);
    var warn = Math.min(c.kioskWarning || 30, Math.floor(idle / 2));
    return { idle: idle, warn: warn };
  }
  function hideWarning() {
    var w = byId("kiosk-warning"); if (w) w.hidden = true;
    if (countdown) { window.clearInterval(countdown); countdown = null; }
  }
  function showWarning(seconds) {
    var w = byId("kiosk-warning"), t = byId("kiosk-warning-text");
    if (!w || !t) return;
    var left = seconds;
    var render = function () { t.textContent = msg("kioskWarning").replace("{s}", String(left)); };
    render(); w.hidden = false;
    var stay = byId("kiosk-stay"); if (stay) stay.focus();
    countdown = window.setInterval(function () { left = Math.max(0, left - 1); render(); }, 1000);
  }
  function kioskArm() {
    window.clearTimeout(idleTimer); window.clearTimeout(warnTimer); hideWarning();
    if (mode() !== "mediateur") return;
    var l = kioskLimits();
    warnTimer = window.setTimeout(function () { showWarning(l.warn); }, (l.idle - l.warn) * 1000);
    idleTimer = window.setTimeout(eraseEverything, l.idle * 1000);
  }
  function eraseEverything() {
    // The button asks the server to forget this session's answers (it answers with wipe());
    // its click handler below wipes the browser anyway if the server cannot answer.
    var button = byId("kiosk-erase");
    if (button) button.click(); else wipe();
  }
  var wiping = false;
  function wipe() {
    if (wiping) return; wiping = true;
    try { session.clear(); } catch (e) {}
    var drop = [];
    for (var i = 0; i < store.length; i++) { var k = store.key(i); if (KEEP_ON_WIPE.indexOf(k) < 0) drop.push(k); }
    drop.forEach(function (k) { store.removeItem(k); });
    try { if (speech) speech.cancel(); } catch (e) {}
    var home = config().home || "/";
    try { session.setItem("pti_erased", "1"); } catch (e) {}
    window.location.replace(home);
  }

  /* ---- Kiosk: nothing of a person in the browser's history ----
     In mediator mode a navigation replaces the current history entry instead of adding one: the
     router's pushState (links, redirects, the town search's address bar), links and search forms
     that load a new page. « Terminer et tout effacer » then replaces the last entry with the home page, so Back
     has nothing of the previous person to go back to (no town search to re-run, no result). */
  var pushState = history.pushState;
  history.pushState = function (state, title, url) {
    if (mode() === "mediateur") return history.replaceState(state, title, url);
    return pushState.call(history, state, title, url);
  };
  window.addEventListener("click", function (e) {
    if (mode() !== "mediateur" || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    var a = e.target.closest ? e.target.closest("a[href]") : null;
    if (!a || a.target || a.hasAttribute("download")) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    location.replace(url.href);
  });
  // A search form that loads a page (the server-rendered offers filter, « commune=… » in the URL)
  // replaces the entry too. Forms our scripts handle (Reflex's, the feedback widget's) have
  // prevented the default before the event reaches the window: React listens on the document
  // (hydrated as the root), which the event passes before the window.
  window.addEventListener("submit", function (e) {
    var form = e.target;
    if (mode() !== "mediateur" || e.defaultPrevented || !form || form.target) return;
    if ((form.getAttribute("method") || "get").toLowerCase() !== "get") return;
    var url = new URL(form.getAttribute("action") || location.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    location.replace(url.href);
  });

  /* ---- Alternate-language links: the origin the browser used (issue #14) ----
     The pages are built once with a placeholder origin when PTI_PUBLIC_URL is not set; the server
     rewrites the HTML it sends, and React then renders the same <link> tags again from the build.
     Give those the page's own origin too, so that a shared or saved link opens on another device. */
  function ownOrigin(root) {
    if (config().fixedOrigin) return;
    (root.querySelectorAll ? root : document).querySelectorAll("link[rel=alternate][hreflang]").forEach(function (l) {
      try {
        var url = new URL(l.getAttribute("href"), location.href);
        if (url.origin !== location.origin) l.setAttribute("href", location.origin + url.pathname + url.search);
      } catch (e) {}
    });
  }
  new MutationObserver(function () { ownOrigin(document.head); })
    .observe(document.head, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });

  /* ---- Checklists: ticks stay in this browser only ---- */
  function checklistKey(box) { return "pti_check:" + box.getAttribute("data-checklist"); }
  function restoreChecklists() {
    document.querySelectorAll("input[data-checklist]").forEach(function (box) { box.checked = store.getItem(checklistKey(box)) === "1"; });
  }

  /* ---- Focus after a server update, without server-sent code (the CSP forbids eval) ---- */
  // A newly inserted [data-autofocus] element (the next question, a result) takes the focus, and so
  // does a field that becomes aria-invalid, or whose form's data-error-serial changes (a refused
  // answer, even with the same message as before): the first invalid field, so its error is read.
  // Fields checked while the person types ([data-live-check], « Et si je travaille ? ») keep the focus
  // where it is: their message is next to them, and jumping away mid-word would lose the typing.
  function focusSoon(el) { window.setTimeout(function () { if (document.contains(el)) el.focus(); }, 30); }
  function firstInvalid(root) {
    var all = root.querySelectorAll("[aria-invalid='true']");
    for (var k = 0; k < all.length; k++) { if (!all[k].closest("[data-live-check]")) return all[k]; }
    return null;
  }
  var focusObserver = new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (r.type === "attributes" && r.target.closest && r.target.closest("[data-live-check]")) continue;
      if (r.type === "attributes" && (r.attributeName === "data-error-serial" || r.target.getAttribute("aria-invalid") === "true")) {
        var first = firstInvalid(document.querySelector("main") || document);
        if (first) focusSoon(first);
        return;
      }
      for (var j = 0; j < r.addedNodes.length; j++) {
        var node = r.addedNodes[j];
        if (node.nodeType !== 1 || node.closest("[data-live-check]")) continue;
        var invalid = node.matches("[aria-invalid='true']") ? node : firstInvalid(node);
        var target = invalid || (node.matches("[data-autofocus]") ? node : node.querySelector("[data-autofocus]"));
        if (target) { focusSoon(target); return; }
      }
    }
  });
  // Runs fn once React has attached to the page: before that, its first render would overwrite what
  // we write in the page (a restored tick, an announcement) or steal the focus.
  function whenHydrated(fn) {
    if (!hydrates()) { fn(document.querySelector("main")); return; }
    var tries = 0;
    (function check() {
      var main = document.querySelector("main");
      var hydrated = main && Object.keys(main).some(function (k) { return k.indexOf("__reactFiber") === 0; });
      if (hydrated) fn(main);
      else if (tries++ < 600) window.setTimeout(check, 50);
    })();
  }
  function watchFocus() {
    // The whole body, not <main>: a page reached without reloading (the wizard's last answer opens
    // the result) replaces <main> itself, and its heading must still take the focus.
    whenHydrated(function () {
      focusObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-invalid", "data-error-serial"] });
    });
  }

  /* ---- Events (delegated, so they survive React hydration) ---- */
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("button, a") : null;
    if (!t) return;
    // Changing language keeps what the page shows (a shared result, a town searched): same query.
    if (t.matches(".lang-menu a[hreflang]") && location.search && t.getAttribute("href").indexOf("?") < 0) {
      t.setAttribute("href", t.getAttribute("href") + location.search);
    }
    if (t.id === "text-bigger") { setTextSize(textSize() + 1); }
    else if (t.id === "text-smaller") { setTextSize(textSize() - 1); }
    else if (t.id === "contrast-toggle") { store.setItem("pti_contrast", store.getItem("pti_contrast") === "high" ? "" : "high"); syncContrast(); }
    else if (t.id === "listen-toggle") { if (reading) { stopReading(); } else { startReading(); } }
    else if (t.id === "listen-pause") { togglePause(); }
    else if (t.id === "listen-stop") { stopReading(); }
    else if (t.id === "kiosk-stay") { kioskArm(); }
    // On a Reflex page the server forgets the session first, then wipe() runs; a server-rendered
    // page has no session on the server: the browser's copies are all there is.
    else if (t.id === "kiosk-erase") { if (hydrates()) window.setTimeout(wipe, 1500); else wipe(); }
    else if (t.hasAttribute("data-set-mode")) {
      store.setItem("pti_mode", t.getAttribute("data-set-mode")); syncMode(); announce(msg("modeSaved"));
      var status = document.querySelector(".way-of-use-status a"); if (status && t.closest(".first-visit")) status.focus();
    }
    else if (t.hasAttribute("data-print")) {
      e.preventDefault();
      // data-print="checklist": a one-page list of the papers to bring, nothing else.
      if (t.getAttribute("data-print") === "checklist") doc.classList.add("print-checklist");
      window.print();
      doc.classList.remove("print-checklist");
    }
  });
  document.addEventListener("change", function (e) {
    var box = e.target;
    if (box && box.matches && box.matches("input[data-checklist]")) {
      if (box.checked) store.setItem(checklistKey(box), "1"); else store.removeItem(checklistKey(box));
    }
  });
  ["pointerdown", "keydown", "input", "touchstart", "wheel", "scroll"].forEach(function (ev) {
    // Any sign of a person (including on the warning itself) restarts the countdown.
    // The warning's own button handles itself (hiding the warning on pointerdown would eat the click).
    window.addEventListener(ev, function (e) {
      if (mode() !== "mediateur") return;
      var inWarning = e.target && e.target.closest && e.target.closest("#kiosk-warning");
      if (!inWarning) kioskArm();
    }, { capture: true, passive: true });
  });
  window.addEventListener("storage", function (e) { if (e.key === "pti_mode") syncMode(); });

  function init() {
    watchFocus();
    // The 404 page is one prerendered file for every URL: take lang/dir from the URL itself.
    var first = location.pathname.split("/")[1];
    var dirs = { fr: "ltr", en: "ltr", es: "ltr", ar: "rtl" };
    var lang = dirs[first] ? first : "fr";
    if (doc.lang !== lang) { doc.lang = lang; doc.dir = dirs[lang]; }
    doc.dataset.textSize = String(textSize());
    syncContrast(); syncMode(); restoreChecklists(); ownOrigin(document.head);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();

  /* ---- Server-rendered pages: the offline notice, and the focus a form's answer asks for ---- */
  function watchConnection() {
    var box = byId("connection-status");
    if (!box || hydrates()) return;  // on Reflex pages the websocket's state drives it
    var sync = function () {
      var p = box.querySelector("p");
      if (navigator.onLine === false && !p) {
        p = document.createElement("p"); p.textContent = box.getAttribute("data-offline") || msg("offline"); box.appendChild(p);
      } else if (navigator.onLine !== false && p) {
        box.removeChild(p);
      }
    };
    window.addEventListener("online", sync); window.addEventListener("offline", sync); sync();
  }
  function focusAsked() {
    if (hydrates()) return;
    var target = document.querySelector("main [data-autofocus]");
    if (target) target.focus();
  }

  /* ---- Offline: service worker ---- */
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () { navigator.serviceWorker.register("/sw.js").catch(function () {}); });
  }

  // The server signals a failed event by focusing #server-problem-signal (no eval under the CSP):
  // show the message and give focus back to where the person was.
  var lastFocus = null;
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.id === "server-problem-signal") {
      serverProblem();
      if (lastFocus && document.contains(lastFocus)) lastFocus.focus(); else e.target.blur();
    } else {
      lastFocus = e.target;
    }
  });
  var problemTimer = null;
  function serverProblem() {
    var box = byId("server-problem");
    if (!box) return;
    box.textContent = msg("serverProblem");
    box.hidden = false;
    window.clearTimeout(problemTimer);
    problemTimer = window.setTimeout(function () { box.hidden = true; }, 20000);
  }

  window.pti = { serverProblem: serverProblem, wipe: wipe, erase: eraseEverything, restoreChecklists: restoreChecklists,
    store: store, session: session, announce: announce, ready: false };
  // React hydrates after this script: restore ticks again once it has attached to the page.
  whenHydrated(function () {
    restoreChecklists();
    if (session.getItem("pti_erased")) { session.removeItem("pti_erased"); announce(msg("erased")); }
    watchConnection(); focusAsked();
    window.pti.ready = true;  // the page's controls are ours from now on (the browser tests wait for it)
  });
})();
