"""Installable, offline-readable app: the web app manifest (one per language) and the service worker.

Both are generated, not static files: the manifest takes its names from the gettext catalogs, and the
service worker lists every page of every language and carries the build's fingerprint, so that a new
deployment replaces the old cache instead of trapping people on stale pages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from pti_citizen import routes
from pti_citizen.i18n import LANGUAGES, gettext_for, text_direction

THEME_COLOR = "#16365c"
BACKGROUND_COLOR = "#ffffff"

#: Static files every page needs besides the hashed /assets/* that the pages reference.
STATIC_FILES = (
    "/app.js",
    "/feedback.js",
    "/locator.js",
    "/locator-offline.js",
    "/locator-data.json",
    "/favicon.ico",
    "/icon.svg",
    "/icon-192.png",
    "/icons/logo.svg",
    "/icons/listen.svg",
    "/icons/rights.svg",
    "/icons/calculator.svg",
    "/icons/place.svg",
    "/icons/bus.svg",
    "/icons/laptop.svg",
    *(f"/manifest-{lang}.webmanifest" for lang in LANGUAGES),
)

#: Paths that only make sense with the server: never cached.
NETWORK_ONLY_PREFIXES = ("/_event", "/_upload", "/_health", "/ping", "/api/", "/equipe", "/sw.js")


def manifest(lang: str) -> dict:
    _ = gettext_for(lang)
    return {
        "name": _("Le RSA et moi — Haute-Garonne"),
        "short_name": _("Le RSA et moi"),
        "description": _("Vos droits au RSA expliqués simplement, un simulateur et les lieux d'accueil."),
        "lang": lang,
        "dir": text_direction(lang),
        "start_url": routes.path(lang),
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": "/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": "/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": "/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }


#: Other things whose change must renew the offline copies (the server-rendered pages' own version).
_VERSION_SOURCES: list[Callable[[], str]] = []


def add_version_source(source: Callable[[], str]) -> None:
    _VERSION_SOURCES.append(source)


def build_fingerprint(client_dir: Path) -> str:
    """Changes whenever the deployed frontend changes (hashed asset names, the unhashed scripts, app.css)
    or a page rendered on the server does (``add_version_source``)."""
    digest = hashlib.sha256()
    assets = client_dir / "assets"
    if assets.is_dir():
        for name in sorted(p.name for p in assets.iterdir()):
            digest.update(name.encode())
    for name in ("app.js", "feedback.js", "locator.js", "locator-offline.js", "app.css"):
        file = client_dir / name
        if file.is_file():
            digest.update(file.read_bytes())
    for source in _VERSION_SOURCES:
        digest.update(source().encode())
    return digest.hexdigest()[:16]


def service_worker(pages: Iterable[str], fingerprint: str) -> str:
    config = {
        "version": fingerprint,
        "pages": sorted(set(pages)),
        "static": list(STATIC_FILES),
        "networkOnly": list(NETWORK_ONLY_PREFIXES),
        "homes": {lang: routes.path(lang) for lang in LANGUAGES},
        "unsaved": {lang: routes.path(lang, routes.NOT_SAVED) for lang in LANGUAGES},
    }
    return _SW_TEMPLATE.replace("__CONFIG__", json.dumps(config, ensure_ascii=False))


_SW_TEMPLATE = r"""/* pti_citizen service worker (generated). Pages: network first, then the saved copy. */
const CONFIG = __CONFIG__;
const CACHE = "pti-" + CONFIG.version;
const NAV_TIMEOUT_MS = 6000;

function key(url) {
  const u = new URL(url, self.location.origin);
  let path = u.pathname;
  if (!path.endsWith("/") && !path.split("/").pop().includes(".")) path += "/";
  return path;
}
async function clean(response) {
  // A redirected response cannot answer a navigation: copy it.
  if (!response.redirected) return response;
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
async function savePage(cache, path) {
  const response = await fetch(path, { credentials: "same-origin", cache: "no-cache" });
  if (!response.ok) return [];
  const copy = await clean(response);
  const html = await copy.clone().text();
  await cache.put(key(path), copy);
  return Array.from(html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g), (m) => m[1]);
}
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.allSettled(CONFIG.static.map((url) => cache.add(url)));
    const assets = new Set();
    // A few pages at a time: a cheap phone on a weak network must not choke.
    const queue = CONFIG.pages.slice();
    async function worker() {
      while (queue.length) {
        const path = queue.shift();
        try { (await savePage(cache, path)).forEach((a) => assets.add(a)); } catch (e) { /* retried next visit */ }
      }
    }
    await Promise.all([worker(), worker(), worker()]);
    await Promise.allSettled(Array.from(assets, async (url) => { if (!(await cache.match(url))) await cache.add(url); }));
    await self.skipWaiting();
  })());
});
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith("pti-") && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((r) => { clearTimeout(timer); resolve(r); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true })) || (await cache.match(key(request.url), { ignoreSearch: true }));
}
function preferredLanguage(pathname) {
  const first = pathname.split("/")[1].toLowerCase();
  if (CONFIG.homes[first]) return first;
  for (const tag of (self.navigator && self.navigator.languages) || []) {
    const code = tag.split("-")[0].toLowerCase();
    if (CONFIG.homes[code]) return code;
  }
  return "fr";
}
function lowerCaseLanguage(url) {
  // "/FR/simulateur" is "/fr/simulateur" (the server redirects it the same way).
  const u = new URL(url);
  const parts = u.pathname.split("/");
  if (CONFIG.homes[parts[1].toLowerCase()]) parts[1] = parts[1].toLowerCase();
  return parts.join("/");
}
async function navigate(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NAV_TIMEOUT_MS);
    if (response.type === "opaqueredirect") return response;  // e.g. "/" → "/ar/": the browser follows it
    // A page with a query (offers filtered for one town) must not replace the saved plain page.
    if (response.ok && !new URL(request.url).search) cache.put(key(request.url), response.clone());
    return response;
  } catch (error) {
    const saved = await fromCache(request);
    if (saved) return saved;
    const path = lowerCaseLanguage(request.url);
    if (path !== new URL(request.url).pathname && (await cache.match(key(path)))) return Response.redirect(path + new URL(request.url).search, 302);
    // Never serve one page's HTML at another URL (the router would disagree): redirect to the saved
    // page that says this one is not on the device (not to the home page, as if nothing happened).
    const lang = preferredLanguage(new URL(request.url).pathname);
    for (const page of [CONFIG.unsaved[lang], CONFIG.homes[lang]]) {
      if (await cache.match(key(page))) return Response.redirect(page, 302);
    }
    return Response.error();
  }
}
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (CONFIG.networkOnly.some((p) => url.pathname.startsWith(p))) return;
  if (request.mode === "navigate") { event.respondWith(navigate(request)); return; }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith((async () => {
      const saved = await fromCache(request);
      if (saved) return saved;
      const response = await fetch(request);
      if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
      return response;
    })());
    return;
  }
  // Unhashed files (app.js, icons, manifests): the saved copy at once, refreshed in the background.
  event.respondWith((async () => {
    const saved = await fromCache(request);
    const network = fetch(request).then(async (response) => {
      if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
      return response;
    }).catch(() => saved || Response.error());
    return saved || network;
  })());
});
"""
