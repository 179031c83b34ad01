/* « Trouver une Maison des Solidarités » without the network: the town, postcode or INSEE search and
   « Utiliser ma position » answered on this device when the page cannot reach the server.

   The data comes from the directory core (GET /locator-data.json, saved by the service worker):
   communes as its town index reads them, places as cards, every sentence in every language, opening
   statuses for the next days. This script applies the same rules as pti_citizen/directory (towns.py,
   typos.py, search.py, api.py) to that data; a test runs it on many queries and compares its answers
   with the core's. Plain JS, no eval (strict Content-Security-Policy), no dependency.

   - Engine(data).answer(query, lang, options): the pure part (node runs it in the tests);
   - the page part: when the server is out of reach, the town form, the suggestions, the position
     button and « Afficher plus de lieux » are answered here, in #locator-local; the address search
     says that it needs the network. */
(function (root) {
  "use strict";

  /* ================= The directory's rules on its data ================= */

  function Engine(data) {
    var r = data.rules;
    var self = this;
    this.rules = r;
    this.data = data;
    var space = "[" + escapeClass(r.whitespace) + "]";
    var notSpace = "[^" + escapeClass(r.whitespace) + "]";
    this.spaceAtEnds = new RegExp("^" + space + "+|" + space + "+$", "g");
    this.re = {
      insee: new RegExp("^insee" + space + "*[:=]" + space + "*(" + notSpace + "*)$", "i"),
      inseeCode: /^[0-9][0-9AB][0-9]{3}$/i,
      postcode: new RegExp("^([0-9]{2})" + space + "?([0-9]{3})$"),
      postcodeInText: new RegExp("(?<![0-9])([0-9]{2})" + space + "?([0-9]{3})(?![0-9])", "g"),
      coordinates: new RegExp(
        "^" + space + "*([-+]?[0-9]{1,3}(?:\\.[0-9]+)?)" + space + "*[,;]" + space + "*([-+]?[0-9]{1,3}(?:\\.[0-9]+)?)" + space + "*$"
      ),
      latinRun: new RegExp(r.latin_run, "gu"),
      webAddress: new RegExp("^(?:" + r.web_address + ")$", "u"),
    };
    this.communes = data.communes.map(function (c, index) {
      return { index: index, insee: c[0], name: c[1], key: c[2], postcodes: c[3], population: c[4], lat: c[5], lon: c[6] };
    });
    this.byPopulation = data.by_population.map(function (i) { return self.communes[i]; });
    this.byInsee = {};
    this.byCompact = {};
    this.communes.forEach(function (c) { self.byInsee[c.insee] = c; self.byCompact[c.key.replace(/ /g, "")] = c; });
    this.byName = {};
    this.byPostcode = {};
    this.byPopulation.forEach(function (c) {
      self.byName[c.key] = c;
      c.postcodes.forEach(function (p) { (self.byPostcode[p] = self.byPostcode[p] || []).push(c); });
    });
    this.postcodes = Object.keys(this.byPostcode).sort();
    this.places = data.places;
    this.placeById = {};
    this.places.forEach(function (p) { self.placeById[p.id] = p; });
  }

  function escapeClass(chars) { return chars.replace(/[\\\]\[^-]/g, "\\$&"); }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function codePoints(text) { return Array.from(text); }

  /* ---- normalize.py ---- */
  Engine.prototype.fold = function (text) {
    var ligatures = this.rules.ligatures;
    var lower = text.toLowerCase().replace(/[\s\S]/gu, function (c) { return has(ligatures, c) ? ligatures[c] : c; });
    return lower.normalize("NFKD").replace(/\p{Mn}/gu, "");
  };
  Engine.prototype.words = function (text) {
    var abbreviations = this.rules.abbreviations;
    return this.fold(text).split(/[^0-9a-z]+/).filter(Boolean).map(function (w) {
      return has(abbreviations, w) ? abbreviations[w] : w;
    });
  };
  Engine.prototype.normalize = function (text) { return this.words(text).join(" "); };
  Engine.prototype.asciiDigits = function (text) {
    var digits = this.rules.digits;
    return text.replace(/[\s\S]/gu, function (c) { return has(digits, c) ? digits[c] : c; });
  };
  Engine.prototype.strip = function (text) { return text.replace(this.spaceAtEnds, ""); };

  /* ---- typos.py ---- */
  Engine.prototype.typosAllowed = function (length) {
    var t = this.rules.typos;
    if (length <= t.no_typo_up_to) return 0;
    return length <= t.one_typo_up_to ? 1 : 2;
  };
  function commonLetters(typed, word) {
    var previous = new Array(word.length + 1).fill(0);
    for (var i = 0; i < typed.length; i++) {
      var current = [0];
      for (var j = 0; j < word.length; j++) {
        current.push(typed[i] === word[j] ? previous[j] + 1 : Math.max(previous[j + 1], current[j]));
      }
      previous = current;
    }
    return previous[word.length];
  }
  Engine.prototype.wordMatch = function (typed, word) {
    if (typed === word) return { typos: 0, common: word.length };
    var allowed = this.typosAllowed(word.length);
    if (allowed === 0 || Math.abs(typed.length - word.length) > allowed) return null;
    var common = commonLetters(typed, word);
    var typos = Math.max(typed.length, word.length) - common;
    return typos <= allowed ? { typos: typos, common: common } : null;
  };
  function better(a, b) {  // (typos, -common, letters), the first option wins a tie
    if (a[0] !== b[0]) return a[0] < b[0];
    if (a[1] !== b[1]) return a[1] > b[1];
    return a[2] < b[2];
  }
  Engine.prototype.walk = function (typed, name, i, j, matches) {
    if (i === typed.length) return [0, 0, 0, j];
    if (j === name.length) return null;
    var options = [];
    var found = matches(typed[i], name[j]);
    if (found) {
      var rest = this.walk(typed, name, i + 1, j + 1, matches);
      if (rest) options.push([found.typos + rest[0], found.common + rest[1], typed[i].length + name[j].length + rest[2], rest[3]]);
    }
    if (i > 0 && name[j].length <= this.rules.typos.short_word) {
      var skipped = this.walk(typed, name, i, j + 1, matches);
      if (skipped) options.push(skipped);
    }
    var best = null;
    options.forEach(function (o) { if (best === null || better(o, best)) best = o; });
    return best;
  };
  function rankBefore(a, b) {  // NameMatch.rank: (typos, whole ? 0 : 1, -likeness)
    if (a.typos !== b.typos) return a.typos < b.typos;
    if (a.whole !== b.whole) return a.whole;
    return a.likeness > b.likeness;
  }
  function compareRank(a, b) { return rankBefore(a, b) ? -1 : rankBefore(b, a) ? 1 : 0; }
  Engine.prototype.nameMatch = function (typed, name, matches) {
    if (!typed.length || !name.length) return null;
    var short = this.rules.typos.short_word;
    var best = null;
    for (var start = 0; start < name.length; start++) {
      var fit = this.walk(typed, name, 0, start, matches);
      if (!fit) continue;
      var outside = name.slice(0, start).concat(name.slice(fit[3]));
      var candidate = { typos: fit[0], whole: outside.every(function (w) { return w.length <= short; }), likeness: (2 * fit[1]) / fit[2] };
      if (best === null || rankBefore(candidate, best)) best = candidate;
    }
    if (typed.length === 1 && name.length > 1) {
      var glued = name.join("");
      var found = matches(typed[0], glued);
      if (found) {
        var whole = { typos: found.typos, whole: true, likeness: (2 * found.common) / (typed[0].length + glued.length) };
        if (best === null || rankBefore(whole, best)) best = whole;
      }
    }
    return best;
  };
  Engine.prototype.suggest = function (name) {
    var self = this;
    var typed = name.split(" ");
    var cache = {};
    var matches = function (word, other) {
      var key = word + " " + other;
      if (!has(cache, key)) cache[key] = self.wordMatch(word, other);
      return cache[key];
    };
    var found = [];
    this.byPopulation.forEach(function (commune, order) {
      var match = self.nameMatch(typed, commune.key.split(" "), matches);
      if (match) found.push({ rank: match, order: order, commune: commune });
    });
    found.sort(function (a, b) { return compareRank(a.rank, b.rank) || a.order - b.order; });
    return found.slice(0, this.rules.max_suggestions).map(function (f) { return f.commune; });
  };

  /* ---- geo.py and search.py: straight-line distances, computed as the core does ---- */
  var RADIANS = Math.PI / 180;
  Engine.prototype.haversine = function (lat1, lon1, lat2, lon2) {
    var phi1 = lat1 * RADIANS, phi2 = lat2 * RADIANS;
    var dphi = phi2 - phi1, dlambda = (lon2 - lon1) * RADIANS;
    var a = Math.sin(dphi / 2), b = Math.sin(dlambda / 2);
    var h = a * a + Math.cos(phi1) * Math.cos(phi2) * b * b;
    return 2 * this.rules.earth_radius_km * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  Engine.prototype.nearestPlaces = function (lat, lon, limit) {
    var phi1 = lat * RADIANS, lambda1 = lon * RADIANS, cosPhi1 = Math.cos(phi1);
    var diameter = 2 * this.rules.earth_radius_km;
    var scored = this.places.map(function (p) {
      var phi2 = p.lat * RADIANS, lambda2 = p.lon * RADIANS, cosPhi2 = Math.cos(p.lat * RADIANS);
      var a = Math.sin((phi2 - phi1) / 2), b = Math.sin((lambda2 - lambda1) / 2);
      var h = a * a + cosPhi1 * cosPhi2 * b * b;
      return { km: diameter * Math.asin(Math.min(1, Math.sqrt(h))), place: p };
    });
    scored.sort(function (x, y) { return x.km - y.km || (x.place.id < y.place.id ? -1 : x.place.id > y.place.id ? 1 : 0); });
    return scored.slice(0, limit);
  };

  /* ---- towns.py: what the text stands for ---- */
  function problem(code, query, extra) {
    var p = { problem: code, query: query, suggestions: [], insee_match: null, value: "" };
    for (var k in extra || {}) p[k] = extra[k];
    return p;
  }
  function resolution(type, query, commune, extra) {
    var r = { type: type, query: query, commune: commune, lat: commune.lat, lon: commune.lon, postcode: null,
      postcode_towns: [], partial_match: false, precise: false, fallback: false };
    for (var k in extra || {}) r[k] = extra[k];
    return r;
  }
  Engine.prototype.resolve = function (query) {
    var text = this.asciiDigits(codePoints(this.strip(query || "")).slice(0, this.rules.max_query).join(""));
    if (!text) return problem("empty", text);
    var match;
    if ((match = this.re.insee.exec(text))) return this.resolveInsee(text, match[1]);
    if ((match = this.re.coordinates.exec(text))) return this.resolvePoint(Number(match[1]), Number(match[2]), text);
    if ((match = this.re.postcode.exec(text))) return this.resolvePostcode(text, match[1] + match[2]);
    return this.resolveText(text);
  };
  Engine.prototype.resolvePoint = function (lat, lon, query) {
    if (!(isFinite(lat) && isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return problem("bad_coordinates", query);
    var best = null, distance = Infinity, self = this;
    this.communes.forEach(function (c) {
      var d = self.haversine(lat, lon, c.lat, c.lon);
      if (d < distance) { best = c; distance = d; }
    });
    if (distance > this.rules.vicinity_km) return problem("out_of_area", query);
    return resolution("coordinates", query, best, { lat: lat, lon: lon, precise: true });
  };
  Engine.prototype.resolveInsee = function (query, code) {
    code = code.toUpperCase();
    if (!this.re.inseeCode.test(code)) return problem("bad_insee", query, { value: code });
    var commune = this.byInsee[code];
    if (!commune) return problem("unknown_insee", query, { value: code });
    return resolution("insee", query, commune);
  };
  Engine.prototype.resolvePostcode = function (query, postcode) {
    var towns = this.byPostcode[postcode] || [];
    if (towns.length) return resolution("postcode", query, towns[0], { postcode: postcode, postcode_towns: towns });
    if (postcode.indexOf("31") !== 0) return problem("postcode_outside", query, { value: postcode });
    var self = this;
    var inseeMatch = this.byInsee[postcode] || null;
    var sameArea = this.postcodes.filter(function (code) { return code.slice(0, 4) === postcode.slice(0, 4); })
      .map(function (code) { return self.byPostcode[code][0]; });
    var suggestions = (inseeMatch ? [inseeMatch] : []).concat(sameArea.filter(function (c) { return c !== inseeMatch; }));
    return problem("unknown_postcode", query, {
      suggestions: suggestions.slice(0, this.rules.max_suggestions), insee_match: inseeMatch, value: postcode,
    });
  };
  Engine.prototype.postcodesIn = function (text) {
    var found = [], match;
    this.re.postcodeInText.lastIndex = 0;
    while ((match = this.re.postcodeInText.exec(text))) found.push(match[1] + match[2]);
    return found;
  };
  Engine.prototype.resolveText = function (query) {
    var postcodes = this.postcodesIn(query);
    var name = this.normalize(postcodes.length ? query.replace(this.re.postcodeInText, " ") : query);
    if (!name) return problem("unknown_town", query);
    var result = this.resolveName(query, name);
    if (result.problem && postcodes.length) {
      var byPostcode = this.resolvePostcode(query, postcodes[0]);
      if (!byPostcode.problem) return byPostcode;
    }
    return result;
  };
  Engine.prototype.resolveName = function (query, name) {
    var commune = (has(this.byName, name) && this.byName[name]) || (has(this.byCompact, name.replace(/ /g, "")) && this.byCompact[name.replace(/ /g, "")]);
    if (commune) return resolution("town", query, commune);
    var candidates = this.partialMatches(name);
    if (candidates.length === 1) return resolution("town", query, candidates[0], { partial_match: true });
    if (candidates.length) return problem("ambiguous_town", query, { suggestions: candidates.slice(0, this.rules.max_suggestions) });
    return problem("unknown_town", query, { suggestions: this.suggest(name) });
  };
  Engine.prototype.partialMatches = function (name) {
    if (name.length < this.rules.min_partial) return [];
    var padded = " " + name + " ";
    return this.byPopulation.filter(function (c) { return c.key.indexOf(name) === 0 || (" " + c.key + " ").indexOf(padded) >= 0; });
  };
  Engine.prototype.findNameInText = function (text) {
    text = this.asciiDigits(text);
    var found = this.postcodesIn(text);
    var words = this.normalize(text.replace(this.re.postcodeInText, " ")).split(" ").filter(Boolean);
    for (var start = 0; start < words.length; start++) {
      var key = words.slice(start).join(" ");
      if (has(this.byName, key)) return this.byName[key];
    }
    for (var i = found.length - 1; i >= 0; i--) {
      var towns = this.byPostcode[found[i]] || [];
      if (towns.length) return towns[0];
    }
    return null;
  };

  /* ---- api.py and answers.py: the answer, in the person's language ---- */
  function fill(template, values) {
    return template.replace(/\{(town|query|postcode|code|value|count)\}/g, function (all, name) {
      return has(values, name) ? values[name] : all;
    });
  }
  Engine.prototype.explanation = function (r, texts) {
    var e = texts.explanation, town = r.commune ? r.commune.name : "";
    if (r.fallback) return fill(e.fallback, { town: town });
    if (r.type === "coordinates") return fill(e.coordinates, { town: town });
    if (r.type === "insee") return fill(e.insee, { code: r.commune.insee, town: town });
    if (r.type === "postcode" && r.postcode_towns.length > 1) return fill(e.postcode_many[String(r.postcode_towns.length)], { postcode: r.postcode, town: town });
    if (r.type === "postcode") return fill(e.postcode, { postcode: r.postcode, town: town });
    return fill(r.partial_match ? e.partial : e.town, { town: town });
  };
  Engine.prototype.problemMessage = function (p, texts) {
    var t = texts.problems, values = { query: p.query, value: p.value || p.query };
    if (p.problem === "unknown_postcode" && p.insee_match) {
      return fill(t.unknown_postcode_insee, { query: p.query, value: values.value, town: p.insee_match.name, code: p.insee_match.insee });
    }
    return fill(has(t, p.problem) ? t[p.problem] : t.unknown_town, values);
  };
  function plainDecimal(s) {  // « 1e-7 » → « 0.0000001 » (same digits, no exponent)
    var m = /^(-?)(\d+)(?:\.(\d*))?e([-+]\d+)$/.exec(s);
    if (!m) return s;
    var digits = m[2] + (m[3] || ""), point = m[2].length + Number(m[4]);
    if (point <= 0) return m[1] + "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return m[1] + digits + "0".repeat(point - digits.length);
    return m[1] + digits.slice(0, point) + "." + digits.slice(point);
  }
  Engine.prototype.formatNumber = function (value, texts) {
    // babel: the shortest decimal writing of the number, rounded half to even at one decimal.
    var s = plainDecimal(String(value)), sign = "";
    if (s[0] === "-") { sign = "-"; s = s.slice(1); }
    var parts = s.split("."), whole = parts[0], fraction = parts[1] || "";
    var digits = (whole + (fraction + "0").slice(0, 1)).split("").map(Number);
    var rest = fraction.slice(1);
    var next = rest ? Number(rest[0]) : 0, beyond = /[1-9]/.test(rest.slice(1));
    var last = digits[digits.length - 1];
    if (next > 5 || (next === 5 && (beyond || last % 2 === 1))) {
      for (var i = digits.length - 1; i >= 0; i--) { if (digits[i] === 9) { digits[i] = 0; } else { digits[i] += 1; break; } }
      if (i < 0) digits.unshift(1);
    }
    var intPart = digits.slice(0, -1).join("").replace(/^0+(?=\d)/, "") || "0";
    var grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, texts.number.group);
    return sign + grouped + texts.number.decimal + digits[digits.length - 1];
  };
  Engine.prototype.status = function (place, now, lang) {
    var s = this.data.statuses, spans = s.spans[place.hours] || [];
    var found = null;
    if (now < s.until) spans.forEach(function (span) { if (span[0] <= now) found = span; });
    if (!found) return { code: "unknown", text: this.data.texts[lang].call_first };
    return { code: s.codes[found[1]], text: s.texts[lang][found[1]] };
  };
  /* The search a town field, a suggestion or a position asks for (``query`` or ``lat``/``lon``), as
     the locator shows it: {ok, town, explanation, hint, notice, cards, share} or {ok: false, code,
     error, header, suggestions}. ``now`` (ms) for the opening statuses. */
  Engine.prototype.answer = function (query, lang, options) {
    options = options || {};
    var texts = this.data.texts[lang] || this.data.texts.fr;
    var limit = Math.min(this.rules.max_limit, Math.max(1, options.limit || this.rules.first_limit));
    var now = options.now == null ? Date.now() : options.now;
    var text = this.strip(query || "");
    var r;
    if (options.lat != null) {
      r = this.resolvePoint(options.lat, options.lon, options.lat + "," + options.lon);
      if (r.problem) r.field = "lat";
    } else {
      r = this.resolve(text);
      if (r.problem === "unknown_town" || r.problem === "ambiguous_town") {
        var town = this.findNameInText(text);
        if (town) r = resolution("town", text, town, { fallback: true });
      }
    }
    if (r.problem) {
      return {
        ok: false, code: r.problem, error: this.problemMessage(r, texts),
        header: r.suggestions.length ? texts.suggestions_header : "",
        suggestions: r.suggestions.map(function (c) { return { name: c.name, insee: c.insee, postcodes: c.postcodes, query: "insee:" + c.insee }; }),
      };
    }
    var self = this;
    var cards = this.nearestPlaces(r.lat, r.lon, limit).map(function (found) {
      var p = found.place, parent = p.parent ? self.placeById[p.parent] : null, status = self.status(p, now, lang);
      return {
        id: p.id, name: p.name, kind: p.kind, kind_label: texts.kinds[p.kind],
        distance_text: self.formatNumber(found.km, texts) + " km", address: p.address,
        status_code: status.code, status_text: status.text, phone: p.phone, phone_href: p.phone_href,
        directions_url: p.directions, geo_url: p.geo,
        parent_name: parent ? parent.name : "", parent_phone: parent ? parent.phone : "", parent_phone_href: parent ? parent.phone_href : "",
      };
    });
    var share = r.fallback ? r.commune.name : r.type === "postcode" ? r.postcode : r.type === "town" ? this.strip(r.query) : r.commune.name;
    return {
      ok: true, town: r.commune.name, type: r.type, fallback: r.fallback,
      explanation: this.explanation(r, texts),
      hint: !r.precise && has(texts.hints, r.commune.insee) ? texts.hints[r.commune.insee] : "",
      notice: texts.notice, empty: cards.length ? "" : texts.empty, cards: cards,
      other_towns: r.type === "postcode" ? r.postcode_towns.slice(1).map(function (c) { return { name: c.name, query: "insee:" + c.insee }; }) : [],
      share: options.lat != null ? "" : share,  // a position never goes in the address bar
    };
  };

  /* ---- french_text.py: the French kept inside a sentence ---- */
  Engine.prototype.frenchParts = function (text, lang, names) {
    text = text.replace(/(?<=«) | (?=»)/g, "\u00a0");
    var spans = [], self = this, match;
    if (lang !== "fr") {
      if (this.data.rtl.indexOf(lang) >= 0) {
        this.re.latinRun.lastIndex = 0;
        while ((match = this.re.latinRun.exec(text))) {
          if (!this.re.webAddress.test(match[0])) spans.push([match.index, match.index + match[0].length]);
        }
      } else {
        (names || []).filter(Boolean).sort(function (a, b) { return b.length - a.length; }).forEach(function (name) {
          var at = -1;
          while ((at = text.indexOf(name, at + 1)) >= 0) {
            var before = text.slice(0, at), after = text.slice(at + name.length);
            var free = !/[\p{L}\p{N}_]$/u.test(before) && !/^[\p{L}\p{N}_]/u.test(after);
            var overlaps = spans.some(function (s) { return at < s[1] && at + name.length > s[0]; });
            if (free && !overlaps) spans.push([at, at + name.length]);
          }
        });
        spans.sort(function (a, b) { return a[0] - b[0]; });
      }
    }
    var out = [], start = 0;
    spans.forEach(function (s) {
      if (s[0] > start) out.push({ text: text.slice(start, s[0]), fr: false });
      out.push({ text: text.slice(s[0], s[1]), fr: true });
      start = s[1];
    });
    if (start < text.length || !out.length) out.push({ text: text.slice(start), fr: false });
    return out;
  };

  var api = { Engine: Engine };
  root.ptiLocatorOffline = api;
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ================= The page: answer here when the server is out of reach ================= */

  var engine = null, loading = null, shown = null;

  function byId(id) { return document.getElementById(id); }
  function lang() { return document.documentElement.lang || "fr"; }
  function pageTexts() {
    var node = byId("locator-offline-texts");
    try { return node ? JSON.parse(node.textContent) : null; } catch (e) { return null; }
  }
  function signals() { return document.querySelector("[data-locator-signals]"); }
  function serverOutOfReach() {
    var live = signals();
    return navigator.onLine === false || !!document.querySelector("#connection-status p") ||
      !live || live.getAttribute("data-live") !== "true";
  }
  function load() {
    if (!loading) {
      loading = fetch("/locator-data.json", { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("status " + r.status); return r.json(); })
        .then(function (data) { engine = new Engine(data); return engine; })
        .catch(function (e) { loading = null; throw e; });
    }
    return loading;
  }

  /* ---- drawing (textContent only: nothing typed becomes HTML) ---- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function french(text) {
    var l = lang();
    if (l === "fr") return document.createTextNode(text);
    if (engine.data.rtl.indexOf(l) >= 0) return el("bdi", { lang: "fr", dir: "ltr" }, [text]);
    return el("span", { lang: "fr" }, [text]);
  }
  function sentence(text, names) {
    var out = document.createDocumentFragment();
    engine.frenchParts(text, lang(), names).forEach(function (part) {
      out.appendChild(part.fr ? french(part.text) : document.createTextNode(part.text));
    });
    return out;
  }
  function container() { return byId("locator-local"); }
  function clear() {
    var box = container();
    if (box) box.textContent = "";
    document.documentElement.classList.remove("locator-local-shown");
    shown = null;
  }
  function show(children, focusId) {
    var box = container();
    if (!box) return;
    box.textContent = "";
    children.forEach(function (c) { box.appendChild(c); });
    document.documentElement.classList.add("locator-local-shown");
    if (focusId) { var target = byId(focusId); if (target) { target.focus(); if (target.scrollIntoView) target.scrollIntoView({ block: "nearest" }); } }
  }
  function announce(text) {
    var live = byId("live-region");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function message(text, t) {
    show([el("p", { id: "locator-local-message", class: "note locator-local-note", tabindex: "-1" }, [sentence(text)])], "locator-local-message");
  }

  function card(c, index, t) {
    var heading = "locator-local-card-" + index;
    var phone = function (label, number, href) {
      return el("p", {}, [el("span", { class: "locator-label-inline" }, [label]), " ",
        el("a", { href: href, class: "locator-phone", dir: "ltr" }, [number])]);
    };
    return el("li", { class: "locator-card", "aria-labelledby": heading }, [
      el("h3", { id: heading, tabindex: "-1" }, [french(c.name)]),
      el("p", { class: "locator-meta" }, [
        el("span", { class: "locator-kind" }, [sentence(c.kind_label)]),
        el("span", { class: "locator-distance" }, [el("span", { class: "locator-label-inline" }, [t.distance]), " ",
          el("span", { dir: "ltr" }, [c.distance_text])]),
      ]),
      el("p", {}, [el("span", { class: "locator-label-inline" }, [t.address]), " ", french(c.address)]),
      el("p", { class: "locator-status locator-status-" + c.status_code }, [sentence(c.status_text)]),
      phone(t.phone, c.phone, c.phone_href),
      c.parent_name ? el("p", { class: "locator-parent" }, [el("span", { class: "locator-label-inline" }, [t.parent]), " ", french(c.parent_name),
        c.parent_phone && c.parent_phone !== c.phone ? el("span", {}, [" · ", el("a", { href: c.parent_phone_href, class: "locator-phone", dir: "ltr" }, [c.parent_phone])]) : null]) : null,
      el("ul", { class: "locator-links no-print" }, [
        el("li", {}, [el("a", { href: c.directions_url, rel: "noopener", class: "locator-link" }, [t.directions])]),
        el("li", {}, [el("a", { href: c.geo_url, class: "locator-link" }, [t.geo])]),
      ]),
    ]);
  }
  function townButtons(towns, labelId) {
    return el("ul", { class: "locator-towns", "aria-labelledby": labelId }, towns.map(function (town) {
      return el("li", {}, [el("button", { type: "button", class: "button button-secondary locator-town", "data-local-query": town.query }, [
        el("span", { class: "locator-town-name" }, [french(town.name)]),
        town.postcodes && town.postcodes.length ? el("span", { class: "locator-town-postcodes", dir: "ltr" }, [
          el("span", { class: "visually-hidden" }, [", "]), town.postcodes.join(", ")]) : null,
      ])]);
    }));
  }

  function render(result, ask, t, moveFocus) {
    if (!result.ok) {
      var parts = [el("p", { id: "locator-local-error", class: "locator-error", tabindex: "-1" }, [sentence(result.error)])];
      if (result.suggestions.length) {
        parts.push(el("p", { id: "locator-local-suggestions", class: "locator-suggestions-title" }, [sentence(result.header)]));
        parts.push(townButtons(result.suggestions, "locator-local-suggestions"));
      }
      show([el("div", { class: "locator-suggestions" }, parts)], moveFocus ? "locator-local-error" : null);
      showQuery("");
      return;
    }
    var names = [result.town];
    var summary = (t.summaries[String(result.cards.length)] || "").split("{town}");
    var section = el("section", { class: "locator-results", "aria-labelledby": "locator-local-title" }, [
      el("h2", { id: "locator-local-title", tabindex: "-1" }, [t.results_title]),
      el("p", { class: "note locator-local-note" }, [t.offline_note]),
      el("p", { class: "locator-summary" }, [summary[0], french(result.town), summary[1] || ""]),
      el("p", { class: result.fallback ? "note locator-fallback" : "locator-explanation" }, [sentence(result.explanation, names)]),
      el("p", { class: "note locator-notice" }, [el("strong", {}, [sentence(result.notice)])]),
      result.hint ? el("p", {}, [sentence(result.hint, names)]) : null,
      result.other_towns.length ? el("div", { class: "locator-suggestions no-print" }, [
        el("p", { id: "locator-local-other-towns" }, [t.other_towns]), townButtons(result.other_towns, "locator-local-other-towns")]) : null,
      result.cards.length ? el("ol", { class: "locator-list" }, result.cards.map(function (c, i) { return card(c, i, t); }))
        : el("p", { class: "note" }, [sentence(result.empty)]),
      result.cards.length >= ask.limit && ask.limit < engine.rules.max_limit
        ? el("button", { type: "button", class: "button button-secondary no-print", "data-local-more": "" }, [t.more]) : null,
      el("div", { class: "button-row no-print" }, [el("button", { type: "button", class: "button button-secondary", "data-print": "locator" }, [t.print])]),
    ]);
    show([section], moveFocus === true ? "locator-local-title" : moveFocus || null);
    announce(summary.join(result.town));
    showQuery(result.share ? "?q=" + encodeURIComponent(result.share) : "");
  }
  function showQuery(query) {
    if (location.search === query) return;
    try { history.replaceState(history.state, "", location.pathname + query + location.hash); } catch (e) {}
  }

  function run(ask, moveFocus) {
    var t = pageTexts();
    if (!t) return;
    load().then(function () {
      var result = engine.answer(ask.query, lang(), { limit: ask.limit, lat: ask.lat, lon: ask.lon });
      shown = { ask: ask, result: result };
      render(result, ask, t, moveFocus);
    }, function () { message(t.offline_unready, t); });
  }
  function locate(t) {
    var problems = { 1: t.gps_denied, 2: t.gps_unavailable, 3: t.gps_timeout };
    if (!navigator.geolocation) { message(t.gps_unsupported, t); return; }
    announce(t.gps_busy);
    navigator.geolocation.getCurrentPosition(
      function (p) { run({ lat: p.coords.latitude, lon: p.coords.longitude, limit: engine ? engine.rules.first_limit : 5 }, true); },
      function (e) { message(problems[e && e.code] || t.gps_unavailable, t); },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
    );
  }

  // Capture phase, on window: before React's own listeners, which would queue the event for a
  // server that cannot answer (and replay it later).
  function connecting() {
    // Online, no notice, the page not live yet: it is still connecting (just opened, or reconnecting).
    return navigator.onLine !== false && !document.querySelector("#connection-status p") && serverOutOfReach();
  }
  window.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form || !form.querySelector || !serverOutOfReach()) return;
    var t = pageTexts();
    if (!t) return;
    if (connecting() && !form.hasAttribute("data-local-waited")) {
      // Give the server a few seconds to be there: it answers better (Kiosques Insertion, live hours).
      e.preventDefault(); e.stopPropagation();
      form.setAttribute("data-local-waited", "");
      var tries = 0;
      (function wait() {
        if (!serverOutOfReach() || !connecting() || ++tries > 40) {
          if (form.requestSubmit) form.requestSubmit(); else form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
          form.removeAttribute("data-local-waited");
        } else {
          window.setTimeout(wait, 100);
        }
      })();
      return;
    }
    if (form.querySelector("#locator-q")) {
      e.preventDefault(); e.stopPropagation();
      var field = byId("locator-q");
      run({ query: field ? field.value : "", limit: 0 }, true);
    } else if (form.querySelector("#locator-address")) {
      e.preventDefault(); e.stopPropagation();
      message(t.offline_address, t);
    }
  }, true);
  window.addEventListener("click", function (e) {
    var target = e.target && e.target.closest ? e.target.closest("button") : null;
    if (!target) return;
    var t = pageTexts();
    if (!t) return;
    if (target.id === "locator-gps" && serverOutOfReach()) {
      e.preventDefault(); e.stopPropagation();
      load().then(function () { locate(t); }, function () { message(t.offline_unready, t); });
    } else if (target.hasAttribute("data-local-query")) {
      run({ query: target.getAttribute("data-local-query"), limit: 0 }, true);
    } else if (target.hasAttribute("data-local-more") && shown) {
      var before = shown.result.cards.length;
      var ask = { query: shown.ask.query, lat: shown.ask.lat, lon: shown.ask.lon, limit: (shown.ask.limit || engine.rules.first_limit) + engine.rules.more_step };
      run(ask, "locator-local-card-" + before);
    } else if (!serverOutOfReach() && (target.closest("#locator-gps") || (target.type === "submit" && target.closest(".locator-search")))) {
      clear();  // the server answers again: its own results replace this list
    }
  }, true);

  // Opened without the network with ?q=… (a shared link, a reload): answer once the page has hydrated.
  function whenHydrated(fn) {
    var tries = 0;
    (function check() {
      var main = document.querySelector("main");
      if (main && Object.keys(main).some(function (k) { return k.indexOf("__reactFiber") === 0; })) fn();
      else if (tries++ < 600) window.setTimeout(check, 50);
    })();
  }
  function start() {
    if (!container()) return;
    load().catch(function () {});  // ready before it is needed
    whenHydrated(function () {
      var q = new URLSearchParams(location.search).get("q");
      // The server answers a link itself when it can; give it a moment to say it is there.
      window.setTimeout(function () { if (q && serverOutOfReach() && !shown) run({ query: q, limit: 0 }, false); }, 1500);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(typeof window !== "undefined" ? window : globalThis);
