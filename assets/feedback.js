/* « Est-ce que cette page est claire ? » on the server-rendered pages (web/pages/feedback.py): shows one
   step at a time and talks to the JSON endpoint (web/routers/feedback_answers.py). No websocket, no server
   session: the visit — a random id, the receipts of the answers given, the step shown — lives in this
   tab (sessionStorage), and the kiosk erase wipes it with everything else. Plain JS, no dependency. */
(function () {
  "use strict";
  var box = document.getElementById("feedback");
  if (!box || !box.hasAttribute("data-answers") || typeof window.fetch !== "function") return;
  var KEY = "pti_feedback";
  var lang = box.getAttribute("data-lang");
  var page = box.getAttribute("data-page");
  var here = lang + ":" + page;
  var steps = {};
  box.querySelectorAll("[data-step]").forEach(function (el) { steps[el.getAttribute("data-step")] = el; });
  var form = steps.details;
  var title = document.getElementById("feedback-details-title");
  var notice = box.querySelector(".feedback-notice");
  var FIELDS = { comment: "feedback-comment", territory: "feedback-mds", missing: "feedback-missing" };

  function storage() { try { return window.sessionStorage; } catch (e) { return null; } }
  function load() {
    var s = storage(), visit = null;
    try { visit = JSON.parse((s && s.getItem(KEY)) || "null"); } catch (e) { visit = null; }
    if (!visit || typeof visit !== "object" || typeof visit.id !== "string") visit = { id: newId(), answers: {} };
    if (!visit.answers || typeof visit.answers !== "object") visit.answers = {};
    return visit;
  }
  function save(visit) { var s = storage(); if (s) try { s.setItem(KEY, JSON.stringify(visit)); } catch (e) { /* full: the visit ends here */ } }
  function newId() {
    var bytes = new Uint8Array(18);
    (window.crypto || {}).getRandomValues ? window.crypto.getRandomValues(bytes) : bytes.forEach(function (_, i) { bytes[i] = Math.random() * 256; });
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function say(text) { notice.textContent = text || ""; }
  function show(step, answer) {
    Object.keys(steps).forEach(function (name) { steps[name].hidden = name !== step; });
    if (step === "details" && answer) title.textContent = title.getAttribute("data-after-" + answer) || title.textContent;
  }
  function focus(id) { var el = document.getElementById(id); if (el) el.focus(); }

  function clearErrors() {
    Object.keys(FIELDS).forEach(function (field) {
      var el = document.getElementById(FIELDS[field]), error = document.getElementById(FIELDS[field] + "-error");
      if (error) error.parentNode.removeChild(error);
      if (!el) return;
      if (el.hasAttribute("aria-invalid")) el.setAttribute("aria-invalid", "false");
      var described = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== FIELDS[field] + "-error"; });
      if (el.tagName !== "FIELDSET") el.setAttribute("aria-describedby", described.join(" "));
    });
  }
  // A refusal next to its field, in the page's language (the server's words), then the first such field takes the focus.
  function showErrors(errors) {
    var first = null;
    errors.forEach(function (error) {
      var id = FIELDS[error.field], el = id && document.getElementById(id);
      if (!el) { say(error.message); return; }
      var p = document.createElement("p");
      p.id = id + "-error"; p.className = "field-error"; p.textContent = error.message;
      if (el.tagName === "FIELDSET") { el.appendChild(p); }
      else {
        el.parentNode.insertBefore(p, el.nextSibling);
        el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", ((el.getAttribute("aria-describedby") || "") + " " + p.id).trim());
      }
      if (!first) first = el.tagName === "FIELDSET" ? title : el;
    });
    if (first) first.focus();
  }

  function post(path, body) {
    return window.fetch(path, {
      method: "POST", credentials: "omit", cache: "no-store",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) { return { status: response.status, data: data }; });
    });
  }
  function firstMessage(data) { return (data && data.errors && data.errors[0] && data.errors[0].message) || box.getAttribute("data-not-sent"); }

  var busy = false;
  function answer(value) {
    if (busy) return;
    var visit = load();
    say(""); clearErrors();
    if (visit.answers[here]) {  // already answered on this page in this visit: not counted twice
      visit.current = here; visit.step = "details"; save(visit);
      show("details", value); focus("feedback-details-title");
      return;
    }
    busy = true;
    post(box.getAttribute("data-answers"), {
      page: page, lang: lang, answer: value, visit: visit.id, mode: document.documentElement.dataset.mode || null
    }).then(function (result) {
      if (result.status === 201 && result.data.receipt) {
        visit = load();
        visit.answers[here] = { receipt: result.data.receipt, answer: value };
        visit.current = here; visit.step = "details"; save(visit);
        show("details", value); focus("feedback-details-title");
      } else {
        say(firstMessage(result.data));
      }
    }, function () { say(box.getAttribute("data-not-sent")); }).then(function () { busy = false; });
  }

  function sendDetails(event) {
    event.preventDefault();
    if (busy) return;
    var visit = load(), given = visit.answers[here];
    say(""); clearErrors();
    if (!given) { show("ask"); return; }
    var missing = [];
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) { missing.push(box.value); });
    busy = true;
    post(box.getAttribute("data-details"), {
      receipt: given.receipt, page: page, lang: lang, visit: visit.id,
      comment: form.elements.comment.value, missing: missing, mds: form.elements.mds.value || null
    }).then(function (result) {
      if (result.status === 200) {
        visit = load(); visit.current = here; visit.step = "done"; save(visit);
        show("done"); focus("feedback-thanks");
      } else if (result.status === 422 && result.data.errors && result.data.errors.some(function (e) { return e.field === "receipt"; })) {
        // The answer is not known any more (a new deployment, another database): ask again.
        visit = load(); delete visit.answers[here]; save(visit);
        show("ask"); say(firstMessage(result.data));
      } else if (result.status === 422) {
        showErrors(result.data.errors || []);
      } else {
        say(firstMessage(result.data));
      }
    }, function () { say(box.getAttribute("data-not-sent")); }).then(function () { busy = false; });
  }

  box.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-answer]") : null;
    if (button) answer(button.getAttribute("data-answer"));
  });
  form.addEventListener("submit", sendDetails);

  // Back on this page in the same visit: the step it was at (as the websocket widget's session did).
  var visit = load();
  if (visit.current === here && visit.answers[here] && (visit.step === "details" || visit.step === "done")) {
    show(visit.step, visit.answers[here].answer);
  }
})();
