// Propaganda Decoded: the offline copy. After the first visit every file of the app is
// served from this cache, so it works without a connection; a new build has a new cache
// name (web/build.sh writes the version), which replaces the old one.
const CACHE = "decoded-@VERSION@";
const FILES = ["./", "./index.html", "./decoded.js", "./decoded_bg.wasm", "./manifest.webmanifest",
  "./icon-128.png", "./icon-256.png", "./icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("decoded-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()));
});

// Cache first (the files of one version never change); the query (?view=…) is the app's.
self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request))));
});
